/**
 * How one code point folds, and which class it belongs to. This is the single
 * source of truth: the BMP lookup tables are built from it, and astral code
 * points (rare) go through it directly.
 */

/** Whitespace (any run folds to a single " "). */
export const CLS_SPACE = 1;
/** Letter, digit or mark of a script written with spaces: needs word boundaries. */
export const CLS_WORD = 2;
/** Letter, digit or mark of a script written without spaces (Han, kana, Hangul, Thai…). */
const CLS_NOSPACE = 4;
/** Folds to nothing (combining diacritics, soft hyphen, zero-width characters…). */
export const CLS_ZERO = 8;
/** Folds to more than one UTF-16 unit ("ß" → "ss", "ﬁ" → "fi"). */
export const CLS_EXPAND = 16;
/** A high surrogate: the class and fold come from the whole code point. */
export const CLS_HIGH = 32;
/** A lower-case letter: a title-case or all-caps name cannot start here. */
export const CLS_LOWER = 64;
/**
 * Fold and class disagree: a letter or digit whose fold has a non-word unit
 * ("½" → "1⁄2"), or a symbol whose fold starts with a letter ("™" → "tm",
 * "ⓐ" → "a"). The word filter cannot judge words touching one; it walks instead.
 */
export const CLS_ODD = 256;
/** A letter (\p{L}), for the case rules. */
export const CLS_LETTER = 1024;
/** A letter with case (its upper and lower case differ). */
export const CLS_CASED = 2048;
/** A cased letter in upper case. */
export const CLS_UPPER = 4096;
// 512 is taken by scanner.ts (CLS_START, per matcher).

const WHITESPACE = /^\s$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
// Script_Extensions rather than Script so that "ー", "々" and the kana marks count.
const NOSPACE_SCRIPT =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]$/u;

/**
 * Diacritics to drop: the generic combining-mark blocks used by Latin, Greek and
 * Cyrillic, and the Hebrew points and Arabic harakat that most text leaves out
 * ("מֹשֶׁה" is usually written "משה"). Marks of other scripts (Devanagari vowel signs,
 * kana voicing marks…) are kept, because there they change the letter rather than
 * decorate it.
 */
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const IGNORABLE_ALL = /\p{Default_Ignorable_Code_Point}/gu;

function isDiacritic(unit: number): boolean {
  return DIACRITIC_RANGES.some(([lo, hi]) => unit >= lo && unit <= hi);
}

function stripDiacritics(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isDiacritic(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * Letters that NFKD does not decompose but that readers treat as their base
 * letter ("Łukasz" is often written "Lukasz"), plus the punctuation variants the
 * rules make equivalent: hyphens (‐ ‑ ‒ –) and apostrophes (’ ‘ ʼ).
 */
const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
  ı: 'i', ŧ: 't', Ŧ: 'T', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH',
  ß: 'ss', ẞ: 'SS',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'",
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

function isHangulSyllable(cp: number): boolean {
  // NFKD would split syllables into conjoining jamo: same matches, 2–3× the units.
  return cp >= 0xac00 && cp <= 0xd7a3;
}

/** Bit set of CLS_* flags for one code point (CLS_EXPAND and CLS_HIGH excluded). */
export function classOf(cp: number): number {
  const s = String.fromCodePoint(cp);
  if (IGNORABLE.test(s)) return CLS_ZERO;
  if (WHITESPACE.test(s)) return CLS_SPACE;
  let cls = 0;
  if (WORD_CHAR.test(s)) cls = NOSPACE_SCRIPT.test(s) ? CLS_NOSPACE : CLS_WORD;
  if (LETTER.test(s)) cls |= CLS_LETTER;
  if (s.toLowerCase() !== s.toUpperCase()) {
    cls |= CLS_CASED;
    if (s === s.toLowerCase()) cls |= CLS_LOWER;
    if (s === s.toUpperCase()) cls |= CLS_UPPER;
  }
  if (foldFull(cp) === '') cls |= CLS_ZERO;
  return cls;
}

/**
 * The case-preserving fold of a code point: compatibility decomposition, no
 * diacritics, the SPECIAL letters, "ß" → "ss". Used to compare case.
 * Whitespace folds to " ".
 */
export function foldKeepCase(cp: number): string {
  const s = String.fromCodePoint(cp);
  if (IGNORABLE.test(s)) return '';
  if (WHITESPACE.test(s)) return ' ';
  const decomposed = isHangulSyllable(cp) ? s : s.normalize('NFKD');
  const folded = stripDiacritics(decomposed).replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch);
  // Spacing accents ("´", "¨") decompose to a space plus a mark: keep them as
  // they are, or a lone accent would act like whitespace.
  if (/\s/u.test(folded)) return s;
  return folded;
}

/**
 * The full fold of a code point: the case-preserving fold, lower-cased, with
 * final sigma as sigma. This is the alphabet of the trie.
 */
export function foldFull(cp: number): string {
  return stripDiacritics(foldKeepCase(cp).toLowerCase().replace(/ς/gu, 'σ')).replace(IGNORABLE_ALL, '');
}
