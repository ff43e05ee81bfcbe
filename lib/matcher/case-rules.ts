/**
 * When case matters. The trie matches case-folded text; these rules then accept
 * or reject each candidate by comparing the case-preserving folds of the pattern
 * and of the text span (diacritics, width and "ß" are folded in both).
 *
 * Default rule, for a pattern without an explicit `caseSensitive`:
 * - no cased letters (Han, digits…): case is irrelevant;
 * - at most 3 letters in all ("Xi", "Li", "Mao", "UN", "EU"): exact case only,
 *   because such names collide with words and Roman numerals ("XI", "xi");
 * - all cased letters upper-case and at most 5 of them ("SCO", "NATO", "BRICS"):
 *   exact case, an acronym ("SCO" must not fire on "Sco" or "sco");
 * - no upper-case letter at all: any case (the pack wrote it that way on purpose);
 * - otherwise word by word: each word as written, or all in capitals (headlines,
 *   "VLADIMIR PUTIN", or "Vladimir POUTINE"), or a lower-case particle
 *   capitalized ("de" → "De"). A lower-cased "putin" or "nice" does not match:
 *   city names such as "Nice" or "Mobile" would otherwise fire on common words.
 * `caseSensitive: true` means exact case; `false` means any case.
 */

export const CASE_ANY = 0;
export const CASE_EXACT = 1;
export const CASE_WORDWISE = 2;

/** Above this many letters a name is long enough not to collide with short words. */
const SHORT_NAME_MAX_LETTERS = 3;
/** All-caps patterns up to this many letters are acronyms and stay case-sensitive. */
const ACRONYM_MAX_LETTERS = 5;

const LETTER = /\p{L}/u;

/** The case mode of a pattern, from its case-preserving fold. */
export function caseModeOf(keep: string, caseSensitive: boolean | undefined): number {
  if (caseSensitive === true) return CASE_EXACT;
  if (caseSensitive === false) return CASE_ANY;
  let letters = 0;
  let cased = 0;
  let upper = 0;
  for (const ch of keep) {
    if (!LETTER.test(ch)) continue;
    letters++;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) continue;
    cased++;
    if (ch === up) upper++;
  }
  if (cased === 0) return CASE_ANY;
  if (letters <= SHORT_NAME_MAX_LETTERS) return CASE_EXACT;
  if (upper === cased && cased <= ACRONYM_MAX_LETTERS) return CASE_EXACT;
  if (upper === 0) return CASE_ANY;
  return CASE_WORDWISE;
}

function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

function capitalized(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return first.toUpperCase() + word.slice(first.length);
}

/**
 * Whether a span whose full fold equals the pattern's also satisfies its case
 * mode. `spanKeep` and `patternKeep` are case-preserving folds.
 */
export function caseAccepts(mode: number, patternKeep: string, spanKeep: string): boolean {
  if (mode === CASE_ANY || spanKeep === patternKeep) return true;
  if (mode === CASE_EXACT) return false;
  const spanWords = spanKeep.split(' ');
  const patternWords = patternKeep.split(' ');
  if (spanWords.length !== patternWords.length) return false;
  for (let i = 0; i < spanWords.length; i++) {
    const s = spanWords[i] as string;
    const p = patternWords[i] as string;
    if (s === p || isAllCaps(s)) continue;
    if (p === p.toLowerCase() && s === capitalized(p)) continue;
    return false;
  }
  return true;
}
