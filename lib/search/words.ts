/**
 * Words for search: the same folded words on the indexing side and the query side, so
 * "Erdoğan", "ERDOGAN" and "erdogan" are one word (folding: lib/text/fold.ts).
 */
import { foldText } from '../text/fold';

/** A word: letters, digits and the marks that belong to them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** The folded words of a text, in order: what the index stores and the query looks up. */
export function searchTerms(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
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
    spans.push({ start, end: start + match[0].length, folded: foldText(match[0]) });
  }
  return spans;
}
