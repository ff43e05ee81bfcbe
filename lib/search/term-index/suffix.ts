/**
 * A typo in a word's first half is found among the words sharing its end ("ardogan":
 * words ending in "gan"): the words a typo may find (in a name, alias, description or
 * headline; article text is never matched fuzzily) are also stored reversed, in order
 * (`SuffixBlock`, blocks.ts), so words ending alike are neighbours.
 */

/** A word's characters in reverse order (by code point). */
export function reversedWord(word: string): string {
  return [...word].reverse().join('');
}
