import Dexie from 'dexie';
import type { TermRow } from './segment';
import { reversedWord } from './suffix';
import type { TermIndexDatabase } from './term-database';
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

/** Reads of the term index for searches as the user types, each remembered for a few seconds. */
export class TermReads {
  private readonly words = new Map<string, Remembered<WordRows>>();
  private readonly chunks = new Map<string, Remembered<string[] | undefined>>();

  constructor(
    private readonly db: TermIndexDatabase,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Forgets every read (the index changed). */
  clear(): void {
    this.words.clear();
    this.chunks.clear();
  }

  /** A query word's rows, each with how it matched: the word, the words it begins (the last word), words one edit away. */
  rowsForWord(word: string, isLast: boolean): Promise<WordRows> {
    return this.remember(this.words, `${isLast ? '>' : '='}${word}`, () => this.readWord(word, isLast));
  }

  /** A chunk of a segment's document ids. */
  chunk(segment: string, chunk: number): Promise<string[] | undefined> {
    return this.remember(this.chunks, `${segment}\u0000${chunk}`, async () => (await this.db.docs.get([segment, chunk]))?.ids);
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
    const terms = this.db.terms;
    const range = (lo: string, hi: string) => terms.where('[term+segment]').between([lo, Dexie.minKey], [hi, Dexie.maxKey], true, true);
    const prefix = isLast && word.length >= MIN_PREFIX_CHARS.names;
    const fuzzy = word.length >= MIN_FUZZY_TERM_CHARS;
    // Words sharing the beginning: a typo after it.
    const sharingStart = async (long: boolean): Promise<string[]> => {
      const stem = fuzzyStem(word, long);
      const keys = await range(stem, `${stem}\uffff`).limit(MAX_FUZZY_KEYS).primaryKeys();
      return keys.length < MAX_FUZZY_KEYS || long ? keys.map(([term]) => term) : sharingStart(true);
    };
    // Words sharing the end: a typo in the beginning.
    const sharingEnd = async (long: boolean): Promise<string[]> => {
      const stem = reversedWord(suffixStem(word, long));
      const keys = await this.db.suffixes.where('r').between(stem, `${stem}\uffff`, true, true).limit(MAX_FUZZY_KEYS).primaryKeys();
      return keys.length < MAX_FUZZY_KEYS || long ? keys.map(reversedWord) : sharingEnd(true);
    };
    const [exactOrPrefix, start, end] = await Promise.all([
      (prefix ? range(word, `${word}\uffff`).limit(MAX_PREFIX_ROWS) : range(word, word)).toArray(),
      fuzzy ? sharingStart(false) : Promise.resolve([]),
      fuzzy && word.length >= MIN_SUFFIX_TERM_CHARS ? sharingEnd(false) : Promise.resolve([]),
    ]);
    const out: WordRows = exactOrPrefix.map((row) => ({ row, match: row.term === word ? 'exact' : 'prefix' }));
    const oneEdit = [...new Set([...start, ...end])].filter((term) => term !== word && !(prefix && term.startsWith(word)) && withinOneEdit(term, word));
    if (oneEdit.length > 0) {
      const rows = await this.db.transaction('r', terms, () => Promise.all(oneEdit.map((term) => range(term, term).toArray())));
      for (const row of rows.flat()) out.push({ row, match: 'fuzzy' });
    }
    return out;
  }
}
