/**
 * Text folding for search: case- and diacritics-insensitive, the same on the indexing
 * side and the query side, so "Erdoğan", "ERDOGAN" and "erdogan" are one word.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const SPECIAL_LETTER_PATTERN = /[ıøłđðħßæœþ]/gu;
const MARKS = /\p{M}/gu;
/** A word: letters, digits and the marks that belong to them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Lowercase, no diacritics: "Erdoğan" → "erdogan", "Łódź" → "lodz". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTER_PATTERN, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** The folded words of a text, in order: what the index stores and the query looks up. */
export function searchTerms(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

/** A word of the original text, where it is, and its folded form. */
export interface WordSpan {
  start: number;
  end: number;
  folded: string;
}

/**
 * The words of the original (unfolded) text with their offsets, so matches can be marked
 * in the text as the user sees it, whatever folding did to its length.
 */
export function wordSpans(text: string, from = 0, to = text.length): WordSpan[] {
  const spans: WordSpan[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    const start = from + match.index;
    spans.push({ start, end: start + match[0].length, folded: foldForSearch(match[0]) });
  }
  return spans;
}
