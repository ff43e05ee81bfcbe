import Dexie, { type Table } from 'dexie';
import type { DatabaseOptions } from '../../db/database';
import type { PostingBlock, SuffixBlock, WordBlock } from './blocks';
import { TERM_INDEX_MIN_DOCUMENTS } from './mode';

/** Document ids per stored chunk: a result's id is read with its chunk only. */
export const DOCS_PER_CHUNK = 1_024;

/** A chunk of a segment's document ids (`e:KEY`, `a:KEY`), in document-number order. */
export interface DocChunkRow {
  segment: string;
  chunk: number;
  ids: string[];
}

/** What the term index holds, and for which revision of the library. */
export interface TermIndexState {
  key: 'state';
  format: number;
  /** Whether search uses this index (a library above TERM_INDEX_MIN_DOCUMENTS); else it is empty. */
  active: boolean;
  /** The library revision the index was last brought up to. */
  revision: number;
  /** Per pack: its signature when indexed and its segments. */
  packs: Record<string, { signature: string; segments: string[] }>;
}

/**
 * The term index, in a database of its own beside the library's (`backstory`): derived
 * data, rebuilt from the library whenever its format or the library changes, so it
 * needs no migrations and never holds up the library's own versions. Popup and
 * background read it by key range (docs/architecture.md, "Search").
 */
export class TermIndexDatabase extends Dexie {
  words!: Table<WordBlock, [string, string]>;
  postings!: Table<PostingBlock, [string, string]>;
  suffixes!: Table<SuffixBlock, [string, string]>;
  docs!: Table<DocChunkRow, [string, number]>;
  state!: Table<TermIndexState, string>;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? 'backstory-search', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({ terms: '[term+segment], segment', docs: '[segment+chunk]', state: 'key' });
    // Words in blocks (blocks.ts): a row per word was a record per word to write.
    this.version(2).stores({ terms: null, words: '[segment+first]', postings: '[segment+first]', suffixes: '[segment+first]' });
  }
}

let shared: TermIndexDatabase | undefined;

/** The term index database of this extension context, opened on first use. */
export function getTermIndexDatabase(): TermIndexDatabase {
  shared ??= new TermIndexDatabase();
  return shared;
}

export async function readTermIndexState(db: TermIndexDatabase): Promise<TermIndexState | undefined> {
  return db.state.get('state');
}

/**
 * The installed packs search cannot find names in yet, by name: in a library large enough
 * for the term index (lib/search/term-index/mode.ts), those the background has not written
 * into it yet (an import just finished, or the library just crossed the line; until the
 * index is begun, every pack). Their names cannot be found meanwhile, and the popup says
 * so instead of "nothing matches". None in a smaller library.
 */
export function packsNotYetSearchable(
  state: TermIndexState | undefined,
  installed: ReadonlyArray<{ id: string; name: string; entityCount: number; articleCount: number }>,
  minDocuments = TERM_INDEX_MIN_DOCUMENTS,
): string[] {
  const documents = installed.reduce((sum, pack) => sum + pack.entityCount + pack.articleCount, 0);
  if (documents <= minDocuments) return [];
  const written = state?.active ? state.packs : {};
  return installed.filter((pack) => !written[pack.id]).map((pack) => pack.name);
}
