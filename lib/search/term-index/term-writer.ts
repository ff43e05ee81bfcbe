/**
 * Keeps the term index (term-database.ts) in step with the library, pack by pack: a pack
 * added, changed or removed has its segments dropped and, if it is still there, written
 * again; the others are left as they are. The work is sliced: the thread is handed back
 * every SLICE_MS, so the background answers hovers and searches meanwhile.
 */
import Dexie from 'dexie';
import type { BackstoryDatabase } from '../../db/database';
import { withEdit } from '../../kb/entity-edits';
import { pagesOfPack, rowsOfPack } from '../../kb/keys';
import { articleDocument, entityDocument, type SearchDocument } from '../documents';
import { nextTask } from '../next-task';
import { packSignatures } from '../pack-signature';
import { blocksOf, type PostingBlock, type SuffixBlock, suffixBlocksOf, type WordBlock } from './blocks';
import { SegmentBuilder } from './segment';
import { DOCS_PER_CHUNK, readTermIndexState, type TermIndexDatabase, type TermIndexState } from './term-database';

/** Bumped when what is stored or how words are folded changes (2: words in blocks, suffix blocks): an index of another format is rebuilt. */
const TERM_INDEX_FORMAT = 2;
/** A segment closes at this many documents or postings: bounds the memory one segment takes while built. */
const SEGMENT_MAX_DOCS = 65_536;
const SEGMENT_MAX_POSTINGS = 1_500_000;
/** Rows read from the library per page. */
const PAGE_ROWS = 5_000;
/**
 * Bytes of postings per write transaction: each is cloned in one stretch. 2,000 word rows
 * a transaction held the thread 300-660 ms at load 15 (measured in Chromium).
 */
const BYTES_PER_WRITE = 512 * 1024;
/** Suffix blocks per write transaction (about 8 KB each). */
const SUFFIX_BLOCKS_PER_WRITE = 32;
/** Longest stretch the writer holds the thread, in milliseconds (the budget is 50). */
const SLICE_MS = 25;

export interface TermRefreshReport {
  revision: number;
  added: string[];
  removed: string[];
  /** Longest stretch between two hand-backs, in milliseconds. */
  longestSliceMs: number;
}

interface WriterOptions {
  now?: () => number;
  yieldNow?: () => Promise<void>;
}

/** Hands the thread back once a slice's time is used. */
class Slicer {
  private start: number;
  longest = 0;
  constructor(
    private readonly now: () => number,
    private readonly yieldNow: () => Promise<void>,
  ) {
    this.start = now();
  }

  async maybeYield(): Promise<void> {
    if (this.now() - this.start < SLICE_MS) return;
    await this.handBack();
  }

  async handBack(): Promise<void> {
    this.longest = Math.max(this.longest, this.now() - this.start);
    await this.yieldNow();
    this.start = this.now();
  }
}

/** An index begun: its revision is set once every pack is written (-1: none yet). */
function emptyState(): TermIndexState {
  return { key: 'state', format: TERM_INDEX_FORMAT, active: true, revision: -1, packs: {} };
}

export class TermIndexWriter {
  private readonly now: () => number;
  private readonly yieldNow: () => Promise<void>;

  constructor(
    private readonly library: BackstoryDatabase,
    private readonly index: TermIndexDatabase,
    { now = () => performance.now(), yieldNow = nextTask }: WriterOptions = {},
  ) {
    this.now = now;
    this.yieldNow = yieldNow;
  }

  /** Brings the index up to `revision` of the library, re-indexing only the packs that changed. */
  async refresh(revision: number): Promise<TermRefreshReport> {
    const slicer = new Slicer(this.now, this.yieldNow);
    const report: TermRefreshReport = { revision, added: [], removed: [], longestSliceMs: 0 };
    let state = await readTermIndexState(this.index);
    if (!state || state.format !== TERM_INDEX_FORMAT || !state.active) {
      await this.clear();
      state = emptyState();
      // Active at once: searches read what is written so far rather than wait for all of it.
      await this.index.state.put(state);
    }
    const signatures = await packSignatures(this.library);
    for (const [packId, indexed] of Object.entries(state.packs)) {
      if (signatures.get(packId) === indexed.signature) continue;
      await this.dropSegments(indexed.segments);
      delete state.packs[packId];
      await this.index.state.put(state);
      report.removed.push(packId);
    }
    // Smallest packs first: the names a user had before a big import (the starter pack, their
    // own) are found again within seconds, not after the big pack's minutes of writing.
    const sizes = new Map((await this.library.packs.toArray()).map((pack) => [pack.id, pack.entityCount + pack.articleCount]));
    const bySize = [...signatures].sort(([a], [b]) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0));
    for (const [packId, signature] of bySize) {
      if (state.packs[packId]) continue;
      state.packs[packId] = { signature, segments: await this.indexPack(packId, slicer) };
      await this.index.state.put(state);
      report.added.push(packId);
    }
    state.revision = revision;
    await this.index.state.put(state);
    await slicer.handBack();
    report.longestSliceMs = slicer.longest;
    return report;
  }

  /** Empties the index and marks it unused (a library small enough for the in-memory index). */
  async deactivate(): Promise<void> {
    const state = await readTermIndexState(this.index);
    if (state && !state.active) return;
    await this.clear();
    await this.index.state.put({ ...emptyState(), active: false });
  }

  private async clear(): Promise<void> {
    const { words, postings, suffixes, docs, state } = this.index;
    await this.index.transaction('rw', [words, postings, suffixes, docs, state], async () => {
      await Promise.all([words.clear(), postings.clear(), suffixes.clear(), docs.clear(), state.clear()]);
    });
  }

  private async dropSegments(segments: readonly string[]): Promise<void> {
    for (const segment of segments) {
      const tables = [this.index.words, this.index.postings, this.index.suffixes, this.index.docs];
      await this.index.transaction('rw', tables, async () => {
        // Every table's key begins with the segment.
        await Promise.all(tables.map((table) => table.where(':id').between([segment, Dexie.minKey], [segment, Dexie.maxKey]).delete()));
      });
    }
  }

  /** Writes the pack's documents as segments; returns their ids. */
  private async indexPack(packId: string, slicer: Slicer): Promise<string[]> {
    const segments: string[] = [];
    let builder = new SegmentBuilder(`${packId}#0`);
    const add = async (doc: SearchDocument) => {
      builder.add(doc);
      if (builder.size >= SEGMENT_MAX_DOCS || builder.postings >= SEGMENT_MAX_POSTINGS) {
        await writeSegment(this.index, builder, () => slicer.maybeYield());
        segments.push(builder.segment);
        builder = new SegmentBuilder(`${packId}#${segments.length}`);
      }
      if ((builder.size & 255) === 0) await slicer.maybeYield();
    };
    // The user's edits as the library and cards show them (hidden ones stay searchable).
    const edits = new Map((await rowsOfPack(this.library.entityEdits, packId).toArray()).map((edit) => [edit.key, edit]));
    for await (const page of pagesOfPack(this.library.entities, packId, PAGE_ROWS)) {
      await slicer.maybeYield();
      for (const row of page) await add(entityDocument(withEdit(row, edits.get(row.key))));
    }
    for await (const page of pagesOfPack(this.library.articles, packId, PAGE_ROWS)) {
      await slicer.maybeYield();
      for (const row of page) await add(articleDocument(row));
    }
    if (builder.size > 0) {
      await writeSegment(this.index, builder, () => slicer.maybeYield());
      segments.push(builder.segment);
    }
    return segments;
  }
}

/**
 * Stores a segment: its words and postings in blocks, its suffix blocks, its id chunks.
 * `maybeYield` is called between writes (the writer hands the thread back there).
 */
export async function writeSegment(index: TermIndexDatabase, builder: SegmentBuilder, maybeYield: () => Promise<void> = async () => {}): Promise<void> {
  const { words, postings, suffixes, docs } = index;
  let batch: { words: WordBlock[]; postings: PostingBlock[]; bytes: number } = { words: [], postings: [], bytes: 0 };
  const flush = async () => {
    const { words: w, postings: p } = batch;
    batch = { words: [], postings: [], bytes: 0 };
    await index.transaction('rw', [words, postings], () => Promise.all([words.bulkPut(w), postings.bulkPut(p)]));
  };
  for (const block of blocksOf(builder.rows())) {
    batch.words.push(block.words);
    batch.postings.push(block.postings);
    batch.bytes += block.postings.docs.byteLength + block.postings.details.byteLength;
    if (batch.bytes >= BYTES_PER_WRITE) await flush();
    await maybeYield();
  }
  if (batch.words.length > 0) await flush();
  let suffixBatch: SuffixBlock[] = [];
  for (const block of suffixBlocksOf(builder.segment, builder.reversedTypoWords())) {
    suffixBatch.push(block);
    if (suffixBatch.length >= SUFFIX_BLOCKS_PER_WRITE) {
      await suffixes.bulkPut(suffixBatch);
      suffixBatch = [];
      await maybeYield();
    }
  }
  if (suffixBatch.length > 0) await suffixes.bulkPut(suffixBatch);
  const chunks = [];
  for (let i = 0; i * DOCS_PER_CHUNK < builder.ids.length; i++) {
    chunks.push({ segment: builder.segment, chunk: i, ids: builder.ids.slice(i * DOCS_PER_CHUNK, (i + 1) * DOCS_PER_CHUNK) });
  }
  await docs.bulkPut(chunks);
  await maybeYield();
}
