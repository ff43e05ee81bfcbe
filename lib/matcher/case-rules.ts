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
const CASE_EXACT = 1;
const CASE_WORDWISE = 2;

/** Above this many letters a name is long enough not to collide with short words. */
const SHORT_NAME_MAX_LETTERS = 3;
/** All-caps patterns up to this many letters are acronyms and stay case-sensitive. */
const ACRONYM_MAX_LETTERS = 5;

const LETTER = /\p{L}/u;
// oxlint-disable-next-line no-control-regex -- the whole ASCII range is meant
const ASCII = /^[\x00-\x7f]*$/u;

/** The case mode of a pattern, from its case-preserving fold. */
export function caseModeOf(keep: string, caseSensitive: boolean | undefined): number {
  if (caseSensitive === true) return CASE_EXACT;
  if (caseSensitive === false) return CASE_ANY;
  let letters = 0;
  let cased = 0;
  let upper = 0;
  if (ASCII.test(keep)) {
    // Fast path for most names: count without regular expressions.
    for (let i = 0; i < keep.length; i++) {
      const c = keep.charCodeAt(i) | 0x20;
      if (c >= 0x61 && c <= 0x7a) {
        letters++;
        if (keep.charCodeAt(i) < 0x61) upper++;
      }
    }
    return caseModeFromCounts(letters, letters, upper);
  }
  for (const ch of keep) {
    if (!LETTER.test(ch)) continue;
    letters++;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) continue;
    cased++;
    if (ch === up) upper++;
  }
  return caseModeFromCounts(letters, cased, upper);
}

/** The default mode from counts of letters, cased letters and upper-case letters. */
export function caseModeFromCounts(letters: number, cased: number, upper: number): number {
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

const SPACE = 0x20;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const ASCII_CASE_BIT = 0x20;

/**
 * caseAccepts for the common case, without allocating: the span `text[start, end)`
 * and the pattern's fold `keepText[keepStart, keepEnd)` are printable ASCII with
 * single spaces (so the span is its own case-preserving fold) and have the same
 * length. Returns undefined when that does not hold and caseAccepts must decide.
 */
export function caseAcceptsPlain(
  mode: number,
  keepText: string,
  keepStart: number,
  keepEnd: number,
  text: string,
  start: number,
  end: number,
  titleFromSpan = false,
): boolean | undefined {
  const length = end - start;
  if (!titleFromSpan && keepEnd - keepStart !== length) return undefined;
  let same = true;
  for (let i = 0; i < length; i++) {
    const t = text.charCodeAt(start + i);
    const p = titleFromSpan ? titleCharAt(text, start, i) : keepText.charCodeAt(keepStart + i);
    if (t < SPACE || t > 0x7e || p > 0x7e || (t === SPACE && text.charCodeAt(start + i - 1) === SPACE)) return undefined;
    if (t !== p) same = false;
  }
  if (same || mode === CASE_ANY) return true;
  if (mode === CASE_EXACT) return false;
  let from = 0;
  for (let i = 0; i <= length; i++) {
    // The span's spaces are the pattern's (same fold, same length).
    if (i < length && text.charCodeAt(start + i) !== SPACE) continue;
    if (!plainWordAccepts(keepText, keepStart + from, text, start + from, i - from, titleFromSpan)) return false;
    from = i + 1;
  }
  return true;
}

/**
 * Character i of the pattern's case-preserving fold when that is its key in Title Case
 * (titleCaseAscii) and the span from `start` is plain ASCII: the key is then the span
 * lower-cased, so the fold is rebuilt from the span without allocating.
 */
function titleCharAt(text: string, start: number, i: number): number {
  const t = text.charCodeAt(start + i);
  const lower = t | ASCII_CASE_BIT;
  if (lower < LOWER_A || lower > LOWER_Z) return t;
  return i === 0 || text.charCodeAt(start + i - 1) === SPACE ? lower ^ ASCII_CASE_BIT : lower;
}

/** One word of caseAcceptsPlain: as written, all capitals, or a lower-case word capitalized. */
function plainWordAccepts(keepText: string, keepAt: number, text: string, textAt: number, length: number, titleFromSpan: boolean): boolean {
  let same = true;
  let anyLower = false;
  let anyUpper = false;
  let patternLower = true;
  let restSame = true;
  for (let i = 0; i < length; i++) {
    const t = text.charCodeAt(textAt + i);
    // A word starts at textAt, so title case capitalizes its first character.
    const p = titleFromSpan ? titleCharAt(text, textAt, i) : keepText.charCodeAt(keepAt + i);
    if (t !== p) {
      same = false;
      if (i > 0) restSame = false;
    }
    if (t >= LOWER_A && t <= LOWER_Z) anyLower = true;
    else if (t >= UPPER_A && t <= UPPER_Z) anyUpper = true;
    if (p >= UPPER_A && p <= UPPER_Z) patternLower = false;
  }
  if (same || (anyUpper && !anyLower)) return true;
  if (!patternLower || !restSame) return false;
  const p0 = titleFromSpan ? titleCharAt(text, textAt, 0) : keepText.charCodeAt(keepAt);
  const capital = p0 >= LOWER_A && p0 <= LOWER_Z ? p0 ^ ASCII_CASE_BIT : p0;
  return text.charCodeAt(textAt) === capital;
}

/**
 * A full fold with a capital at the start of each word, for ASCII letters only: most
 * names' case-preserving folds ("Vera Torberg") are this of their trie key, and are
 * then not stored but rebuilt from the matched span (slot-columns.ts).
 */
export function titleCaseAscii(key: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= LOWER_A && c <= LOWER_Z && (i === 0 || key.charCodeAt(i - 1) === SPACE)) {
      out += key.slice(from, i) + String.fromCharCode(c ^ ASCII_CASE_BIT);
      from = i + 1;
    }
  }
  return from === 0 ? key : out + key.slice(from);
}

/**
 * Whether `keep` equals titleCaseAscii of `key`, both ranges of unit buffers (the compile
 * asks it of every name, and allocates no string for it).
 */
export function isTitleCaseAscii(keep: Uint16Array, keepAt: number, keepLength: number, key: Uint16Array, keyAt: number, keyLength: number): boolean {
  if (keepLength !== keyLength) return false;
  for (let i = 0; i < keyLength; i++) {
    const c = key[keyAt + i] as number;
    const title = c >= LOWER_A && c <= LOWER_Z && (i === 0 || key[keyAt + i - 1] === SPACE) ? c ^ ASCII_CASE_BIT : c;
    if (keep[keepAt + i] !== title) return false;
  }
  return true;
}
