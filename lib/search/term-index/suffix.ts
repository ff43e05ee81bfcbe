/**
 * A word of the index that may be found by a typo (one in a name, alias, description or
 * headline; article text is never matched fuzzily), keyed by its characters in reverse:
 * a typo in a word's first half is found among the words sharing its end ("ardogan":
 * words ending in "gan"). Not removed with a pack (a word may be in several): a stale
 * one finds no rows, and the whole index is cleared when rebuilt.
 */
export interface SuffixRow {
  /** The word reversed. */
  r: string;
}

/** A word's characters in reverse order (by code point): the key of its `SuffixRow`. */
export function reversedWord(word: string): string {
  return [...word].reverse().join('');
}
