/**
 * Where a segment's blocks begin (blocks.ts), kept in memory by a reader: a word's blocks
 * are then known before reading, and read by key in one request per table for every
 * segment at once. Looking each block up by key range cost a request per segment and
 * table (two for the block a range begins in), hundreds per keystroke at a million names.
 * About 11,000 keys at a million names (10,833 word blocks, 617 suffix blocks).
 */
import Dexie from 'dexie';
import type { TermIndexDatabase } from './term-database';

/** Per segment, the first word of each of its blocks, in order. */
export interface BlockDirectory {
  segments: readonly string[];
  words: ReadonlyMap<string, readonly string[]>;
  suffixes: ReadonlyMap<string, readonly string[]>;
}

/** Reads the directory of `segments`. */
export async function readBlockDirectory(db: TermIndexDatabase, segments: readonly string[]): Promise<BlockDirectory> {
  const firsts = (table: typeof db.words | typeof db.suffixes, segment: string) =>
    table
      .where(':id')
      .between([segment, Dexie.minKey], [segment, Dexie.maxKey])
      .primaryKeys()
      .then((keys) => keys.map(([, first]) => first));
  return db.transaction('r', [db.words, db.suffixes], async () => {
    const [words, suffixes] = await Promise.all([Promise.all(segments.map((s) => firsts(db.words, s))), Promise.all(segments.map((s) => firsts(db.suffixes, s)))]);
    return { segments, words: new Map(segments.map((s, i) => [s, words[i]!])), suffixes: new Map(segments.map((s, i) => [s, suffixes[i]!])) };
  });
}

/**
 * The first words of the blocks holding words from `lo` to `hi`: the block `lo` falls in
 * (the last one beginning at or before it) and up to `more` beginning after it; `cut`
 * when more begin within the range.
 */
export function blocksBetween(firsts: readonly string[], lo: string, hi: string, more: number): { firsts: string[]; cut: boolean } {
  // The first block beginning after lo.
  let a = 0;
  let b = firsts.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (firsts[m]! <= lo) a = m + 1;
    else b = m;
  }
  const out = a > 0 ? [firsts[a - 1]!] : [];
  let i = a;
  for (; i < firsts.length && firsts[i]! <= hi && i - a < more; i++) out.push(firsts[i]!);
  return { firsts: out, cut: i < firsts.length && firsts[i]! <= hi };
}
