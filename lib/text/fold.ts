/**
 * Folding a whole string by the one set of rules in char-fold.ts: the form the search
 * index, the options page's filters and stored `nameFold` use, and exactly the text the
 * matcher's scanner sees ("Łódź" → "lodz", "Straße" → "strasse", "ΟΔΟΣ" → "οδοσ").
 * The matcher folds from lookup tables built from the same rules (lib/matcher/fold-tables.ts);
 * tests/unit/text/fold.test.ts checks that the two agree.
 */
import { foldFull } from './char-fold';
import { perCodePoint } from './per-code-point';

/** Any UTF-16 unit past ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_SPACE_RUNS = /[\t\n\v\f\r ]+/gu;
const FOLDED_SPACE = ' ';
/** Folds of the non-ASCII code points seen so far. */
const foldOf = perCodePoint(foldFull);

/**
 * Case, diacritics, ligatures, compatibility forms and final sigma folded; ignorable
 * characters dropped; each run of whitespace one " " (not trimmed). Scripts whose marks
 * change the letter (Devanagari, kana…) and CJK keep them.
 */
export function foldText(text: string): string {
  // Most names and queries are ASCII: no per-character work.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SPACE_RUNS, FOLDED_SPACE);
  let out = '';
  let inSpace = false;
  for (const ch of text) {
    const f = foldOf(ch.codePointAt(0) as number);
    if (f === FOLDED_SPACE) {
      if (!inSpace) out += f;
      inSpace = true;
    } else if (f !== '') {
      out += f;
      inSpace = false;
    }
  }
  return out;
}
