/**
 * How a segment's words are stored: in blocks of neighbouring words (in the order
 * IndexedDB sorts strings), one row per block instead of one per word. A million names
 * made 679,000 word rows in 9 segments; each row was a record to clone, send and index,
 * and writing them took the service worker 440-600 s at load 15-20 (docs/benchmarks.md,
 * "### The popup at a million names"). A block holds up to WORDS_PER_BLOCK words or
 * POSTINGS_PER_BLOCK postings; a word with more has a block of its own.
 *
 * Each block is two rows under the same key `[segment, first word]`: the words
 * (`WordBlock`, small: a typo's candidates are found among them without reading postings)
 * and their postings (`PostingBlock`). A block holding a word is the last one whose first
 * word is not after it.
 */
import type { TermRow } from './segment';

export const WORDS_PER_BLOCK = 64;
const POSTINGS_PER_BLOCK = 4_096;
/** Reversed words per suffix block (short strings, read only to find a typo's candidates). */
export const SUFFIXES_PER_BLOCK = 1_024;

/** A run of a segment's words, in order. */
export interface WordBlock {
  segment: string;
  first: string;
  words: string[];
}

/** The postings of a `WordBlock`'s words, by its key. */
export interface PostingBlock {
  segment: string;
  first: string;
  /** Word i's postings are `offsets[i]` to `offsets[i + 1]`. */
  offsets: Uint32Array;
  /** Document numbers in the segment, ascending per word. */
  docs: Uint32Array;
  /** Three runs, each as long as `docs`: `Field` bits, name spans, alias spans (segment.ts). */
  details: Uint8Array;
}

/** A run of a segment's typo-findable words reversed, in order (suffix.ts). */
export interface SuffixBlock {
  segment: string;
  first: string;
  words: string[];
}

/** Groups a segment's rows (in word order) into blocks. */
export function* blocksOf(rows: Iterable<TermRow>): Generator<{ words: WordBlock; postings: PostingBlock }> {
  let run: TermRow[] = [];
  let postings = 0;
  const close = () => {
    const block = packBlock(run);
    run = [];
    postings = 0;
    return block;
  };
  for (const row of rows) {
    if (run.length > 0 && (run.length >= WORDS_PER_BLOCK || postings + row.docs.length > POSTINGS_PER_BLOCK)) yield close();
    run.push(row);
    postings += row.docs.length;
  }
  if (run.length > 0) yield close();
}

function packBlock(rows: TermRow[]): { words: WordBlock; postings: PostingBlock } {
  const { segment, term: first } = rows[0]!;
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.docs.length));
  const total = offsets[rows.length]!;
  const docs = new Uint32Array(total);
  const details = new Uint8Array(3 * total);
  rows.forEach((row, i) => {
    const at = offsets[i]!;
    docs.set(row.docs, at);
    details.set(row.fields, at);
    details.set(row.nameSpans, total + at);
    details.set(row.aliasSpans, 2 * total + at);
  });
  return { words: { segment, first, words: rows.map((r) => r.term) }, postings: { segment, first, offsets, docs, details } };
}

/** Word `i` of a block, as a row (views on the block's arrays, nothing copied). */
export function rowOfBlock(words: WordBlock, postings: PostingBlock, i: number): TermRow {
  const { offsets, docs, details } = postings;
  const total = docs.length;
  const from = offsets[i]!;
  const to = offsets[i + 1]!;
  return {
    term: words.words[i]!,
    segment: words.segment,
    docs: docs.subarray(from, to),
    fields: details.subarray(from, to),
    nameSpans: details.subarray(total + from, total + to),
    aliasSpans: details.subarray(2 * total + from, 2 * total + to),
  };
}

/** Reversed words in blocks of SUFFIXES_PER_BLOCK. */
export function* suffixBlocksOf(segment: string, reversedWords: readonly string[]): Generator<SuffixBlock> {
  for (let i = 0; i < reversedWords.length; i += SUFFIXES_PER_BLOCK) {
    const words = reversedWords.slice(i, i + SUFFIXES_PER_BLOCK);
    yield { segment, first: words[0]!, words };
  }
}
