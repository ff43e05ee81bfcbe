/** The MiniSearch query of the in-memory index (search-index.ts) for the folded words of a search. */
import type { Query } from 'minisearch';
import { swapsOf } from './term-index/within-one-edit';

/** Edit distance allowed per query word, as a share of its length ("erdgan" → 1 edit). */
const FUZZY_SHARE = 0.2;
/** Two edits across 100k words of vocabulary cost hundreds of milliseconds; one covers most typos. */
const MAX_FUZZY_EDITS = 1;
/** A swap of two neighbouring characters weighs as a typo does (MiniSearch's default fuzzy weight). */
const SWAP_WEIGHT = 0.45;
/** Shorter words are not matched fuzzily: every 3-letter word is one edit from hundreds of others. */
const MIN_FUZZY_TERM_CHARS = 4;

/**
 * The query for `words`: every word must match (AND); the last one being typed is a
 * prefix from `minPrefix` characters; with `fuzzy`, a word of 4 characters or more
 * matches one edit away, and also with two neighbouring characters swapped ("putni":
 * Putin), which MiniSearch's edit distance counts as two edits. Swaps are looked up as
 * exact words (a dictionary lookup each, not another fuzzy walk), weighted as a typo.
 */
export function wordsQuery(words: readonly string[], minPrefix: number, fuzzy: boolean): Query {
  return {
    combineWith: 'AND',
    queries: words.map((word, i): Query => {
      const options = { prefix: i === words.length - 1 && word.length >= minPrefix, fuzzy: fuzzy && fuzziness(word), maxFuzzy: MAX_FUZZY_EDITS };
      const swaps = options.fuzzy === false ? [] : swapsOf(word);
      if (swaps.length === 0) return { ...options, combineWith: 'OR', queries: [word] };
      return {
        combineWith: 'OR',
        queries: [
          { ...options, combineWith: 'OR', queries: [word] },
          { combineWith: 'OR', queries: swaps, prefix: false, fuzzy: false, boostTerm: () => SWAP_WEIGHT },
        ],
      };
    }),
  };
}

function fuzziness(term: string): number | false {
  return term.length >= MIN_FUZZY_TERM_CHARS ? FUZZY_SHARE : false;
}
