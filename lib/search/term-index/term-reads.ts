import { type BlockDirectory, blocksBetween, readBlockDirectory } from './block-directory';
import { rowOfBlock, SUFFIXES_PER_BLOCK, WORDS_PER_BLOCK } from './blocks';
import type { TermRow } from './segment';
import { reversedWord } from './suffix';
import { readTermIndexState, type TermIndexDatabase } from './term-database';
import { withinOneEdit } from './within-one-edit';

/** The word being typed is a prefix from this many characters (article text: one more), as in search-index.ts. */
export const MIN_PREFIX_CHARS = { names: 3, text: 4 } as const;
const MIN_FUZZY_TERM_CHARS = 4;
/** A typo may be anywhere after the word's first characters: candidates share this many (at least 3). */
const fuzzyStem = (word: string, long: boolean) => word.slice(0, Math.max(3, long ? word.length - 2 : Math.ceil(word.length / 2)));
/**
 * The end a word shares with the words one typo in its beginning away: the characters
 * after `fuzzyStem`'s, less one (a swap across the stem's end), at least 2; when that
 * finds too many, the last 2 characters are the ones allowed to differ.
 */
const suffixStem = (word: string, long: boolean) => {
  const covered = fuzzyStem(word, false).length;
  return word.slice(-Math.max(2, long ? word.length - 2 : word.length - covered - 1));
};
/** A typo in the beginning is looked for from this many characters: shorter words share too common an end. */
const MIN_SUFFIX_TERM_CHARS = 5;
/**
 * Most words a prefix expands to, and most candidates looked at for a typo: a keystroke
 * reads rows, not a whole vocabulary ("tes" begins 200,000 words in a generated library).
 * The word itself comes first in its range, so an exact match is never cut; past the
 * limit a typo is looked for only in the word's last two characters.
 */
const MAX_PREFIX_ROWS = 500;
const MAX_FUZZY_KEYS = 2_000;
/**
 * How long a read is remembered, in milliseconds: typing "vladimir putin" reads
 * "vladimir" once, not at each of the next six keys. A change to the index shows after it.
 */
const MEMORY_MS = 5_000;
/** Reads remembered at most, of each kind. */
const MAX_REMEMBERED = 128;

export type Match = 'exact' | 'prefix' | 'fuzzy';
export type WordRows = Array<{ row: TermRow; match: Match }>;

interface Remembered<T> {
  at: number;
  value: Promise<T>;
}

/** Blocks read past the one a range begins in, per segment: enough for a prefix's first MAX_PREFIX_ROWS words, and for MAX_FUZZY_KEYS candidates. */
const PREFIX_BLOCKS = Math.ceil(MAX_PREFIX_ROWS / WORDS_PER_BLOCK);
const FUZZY_WORD_BLOCKS = Math.ceil(MAX_FUZZY_KEYS / WORDS_PER_BLOCK);
const FUZZY_SUFFIX_BLOCKS = Math.ceil(MAX_FUZZY_KEYS / SUFFIXES_PER_BLOCK);

/** Words of `blocks` from `lo` to `hi`. */
function wordsBetween(blocks: ReadonlyArray<{ words: string[] }>, lo: string, hi: string): string[] {
  return blocks.flatMap((block) => block.words.filter((word) => word >= lo && word <= hi));
}

/** Reads of the term index for searches as the user types, each remembered for a few seconds. */
export class TermReads {
  private readonly words = new Map<string, Remembered<WordRows>>();
  private readonly chunks = new Map<string, Remembered<string[] | undefined>>();
  private directoryRead: Remembered<BlockDirectory> | undefined;
  private directoryRevision: number | undefined;

  constructor(
    private readonly db: TermIndexDatabase,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Forgets every read (the index changed). */
  clear(): void {
    this.words.clear();
    this.chunks.clear();
    this.directoryRead = undefined;
  }

  /** A query word's rows, each with how it matched: the word, the words it begins (the last word), words one edit away. */
  rowsForWord(word: string, isLast: boolean): Promise<WordRows> {
    return this.remember(this.words, `${isLast ? '>' : '='}${word}`, () => this.readWord(word, isLast));
  }

  /** A chunk of a segment's document ids. */
  chunk(segment: string, chunk: number): Promise<string[] | undefined> {
    return this.remember(this.chunks, `${segment}\u0000${chunk}`, async () => (await this.db.docs.get([segment, chunk]))?.ids);
  }

  /**
   * The segments of every pack written whole (a segment being written is not read) and
   * where their blocks begin; read again when the state row changed.
   */
  private directory(): Promise<BlockDirectory> {
    const now = this.now();
    if (this.directoryRead && now - this.directoryRead.at < MEMORY_MS) return this.directoryRead.value;
    const before = this.directoryRead?.value;
    const value = readTermIndexState(this.db).then(async (state) => {
      const segments = state?.active ? Object.values(state.packs).flatMap((pack) => pack.segments) : [];
      const known = await before?.catch(() => undefined);
      const same = known && state?.revision === this.directoryRevision && known.segments.join('\n') === segments.join('\n');
      this.directoryRevision = state?.revision;
      return same ? known : readBlockDirectory(this.db, segments);
    });
    value.catch(() => (this.directoryRead = undefined));
    this.directoryRead = { at: now, value };
    return value;
  }

  private remember<T>(map: Map<string, Remembered<T>>, key: string, read: () => Promise<T>): Promise<T> {
    const now = this.now();
    const known = map.get(key);
    if (known && now - known.at < MEMORY_MS) return known.value;
    const value = read();
    // A failed read is not remembered.
    value.catch(() => map.delete(key));
    map.delete(key);
    map.set(key, { at: now, value });
    // Oldest first in a Map's order: drop from the front.
    while (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
    return value;
  }

  private async readWord(word: string, isLast: boolean): Promise<WordRows> {
    const directory = await this.directory();
    const { words, postings, suffixes } = this.db;
    const prefix = isLast && word.length >= MIN_PREFIX_CHARS.names;
    const fuzzy = word.length >= MIN_FUZZY_TERM_CHARS;
    // The blocks of a range, read by key for every segment at once.
    const read = async <T extends { words: string[] }>(table: typeof words | typeof suffixes, firsts: ReadonlyMap<string, readonly string[]>, lo: string, hi: string, more: number) => {
      const found = directory.segments.map((segment) => ({ segment, ...blocksBetween(firsts.get(segment) ?? [], lo, hi, more) }));
      const blocks = (await table.bulkGet(found.flatMap(({ segment, firsts: f }) => f.map((first): [string, string] => [segment, first])))) as Array<T | undefined>;
      return { words: wordsBetween(blocks.filter((b): b is T => b !== undefined), lo, hi), cut: found.some((f) => f.cut) };
    };
    return this.db.transaction('r', [words, postings, suffixes], async () => {
      // Words sharing the beginning: a typo after it.
      const sharingStart = async (long: boolean): Promise<string[]> => {
        const stem = fuzzyStem(word, long);
        const found = await read(words, directory.words, stem, `${stem}\uffff`, FUZZY_WORD_BLOCKS);
        return (found.words.length < MAX_FUZZY_KEYS && !found.cut) || long ? found.words : sharingStart(true);
      };
      // Words sharing the end: a typo in the beginning.
      const sharingEnd = async (long: boolean): Promise<string[]> => {
        const stem = reversedWord(suffixStem(word, long));
        const found = await read(suffixes, directory.suffixes, stem, `${stem}\uffff`, FUZZY_SUFFIX_BLOCKS);
        return (found.words.length < MAX_FUZZY_KEYS && !found.cut) || long ? found.words.map(reversedWord) : sharingEnd(true);
      };
      const hi = prefix ? `${word}\uffff` : word;
      const [main, start, end] = await Promise.all([
        this.rowsBetween(directory, [[word, hi]], prefix ? PREFIX_BLOCKS : 0),
        fuzzy ? sharingStart(false) : Promise.resolve([]),
        fuzzy && word.length >= MIN_SUFFIX_TERM_CHARS ? sharingEnd(false) : Promise.resolve([]),
      ]);
      const out: WordRows = main.slice(0, MAX_PREFIX_ROWS).map((row) => ({ row, match: row.term === word ? 'exact' : 'prefix' }));
      const oneEdit = [...new Set([...start, ...end])].filter((term) => term !== word && !(prefix && term.startsWith(word)) && withinOneEdit(term, word));
      if (oneEdit.length > 0) {
        for (const row of await this.rowsBetween(directory, oneEdit.map((term) => [term, term]), 0)) out.push({ row, match: 'fuzzy' });
      }
      return out;
    });
  }

  /** The rows of the words in `ranges` (from, to) in every segment, in word order (then segment). */
  private async rowsBetween(directory: BlockDirectory, ranges: ReadonlyArray<[string, string]>, more: number): Promise<TermRow[]> {
    const keys = new Map<string, [string, string]>();
    for (const segment of directory.segments) {
      for (const [lo, hi] of ranges) {
        for (const first of blocksBetween(directory.words.get(segment) ?? [], lo, hi, more).firsts) keys.set(`${segment}\u0000${first}`, [segment, first]);
      }
    }
    const wanted = [...keys.values()];
    const [wordBlocks, postingBlocks] = await Promise.all([this.db.words.bulkGet(wanted), this.db.postings.bulkGet(wanted)]);
    const rows: TermRow[] = [];
    wordBlocks.forEach((block, b) => {
      const blockPostings = postingBlocks[b];
      // A block whose postings are not there (its segment is being written again) is left out.
      if (!block || !blockPostings) return;
      block.words.forEach((term, i) => {
        if (ranges.some(([lo, hi]) => term >= lo && term <= hi)) rows.push(rowOfBlock(block, blockPostings, i));
      });
    });
    return rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
  }
}
