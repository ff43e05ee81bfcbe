/**
 * Folding whole strings: patterns at compile time, and the short windows the
 * scanner re-reads for case and exclusion checks. The scanner's hot loop does
 * not use these; it folds unit by unit from the same tables.
 */
import { CLS_EXPAND, CLS_HIGH, CLS_SPACE, CLS_WORD, CLS_ZERO, classOf, foldFull, foldKeepCase } from '../text/char-fold';
import { perCodePoint } from '../text/per-code-point';
import type { FoldTables } from './fold-tables';
import { UnitBuffer } from './unit-buffer';

const ASCII_END = 0x80;
const SPACE = 0x20;

/** Whether a letter, digit or mark of a spaced script starts at `i` of `s` (a word continues), by class table `cls`. */
export function wordUnitAt(cls: Uint16Array, s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  let k = cls[c] as number;
  if (k & CLS_HIGH) {
    const lo = s.charCodeAt(i + 1);
    k = lo >= 0xdc00 && lo <= 0xdfff ? astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000) : 0;
  }
  return (k & CLS_WORD) !== 0;
}

/** Class flags of an astral code point (memoized: astral text is mostly emoji). */
export const astralClass = perCodePoint(classOf);

/** Full fold of an astral code point (memoized). */
export const astralFold = perCodePoint((cp) => (astralClass(cp) & CLS_ZERO ? '' : foldFull(cp)));

const keepFoldOf = perCodePoint(foldKeepCase);

/** Class flags and UTF-16 width of the character at `i`. */
export function charAt(t: FoldTables, s: string, i: number): { cls: number; cp: number; width: number } {
  const c = s.charCodeAt(i);
  const k = t.cls[c] ?? 0;
  if (k & CLS_HIGH && i + 1 < s.length) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
      return { cls: astralClass(cp), cp, width: 2 };
    }
  }
  return { cls: k & CLS_HIGH ? 0 : k, cp: c, width: 1 };
}

/** Full fold of one character given its class, from the tables when it is in the BMP. */
export function fullFoldOf(t: FoldTables, cp: number, cls: number): string {
  if (cls & CLS_ZERO) return '';
  if (cls & CLS_SPACE) return ' ';
  if (cp > 0xffff) return astralFold(cp);
  const f = t.fold[cp] ?? 0;
  if (cls & CLS_EXPAND) {
    return String.fromCharCode(...t.expansionUnits.subarray(t.expansionStart[f], t.expansionStart[f + 1]));
  }
  return String.fromCharCode(f);
}

/** A scratch buffer for foldString (one string per call instead of one per character). */
const scratch = new UnitBuffer();

/**
 * Folds a string the way the scanner folds text: runs of whitespace become one
 * " ", ignorable characters vanish; the result is trimmed. With `keepCase`, the
 * case-preserving fold is used instead of the full one.
 */
export function foldString(t: FoldTables, s: string, keepCase = false): string {
  scratch.length = 0;
  foldInto(t, s, keepCase, scratch);
  return scratch.text();
}

/** foldString, appended to `out` (the compile folds a million names into one buffer). */
export function foldInto(t: FoldTables, s: string, keepCase: boolean, out: UnitBuffer): void {
  const from = out.length;
  let inSpace = false;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    let cls = t.cls[c] as number;
    let cp = c;
    i++;
    if (cls & CLS_HIGH) {
      const lo = i < n ? s.charCodeAt(i) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        cls = astralClass(cp);
        i++;
      } else cls = 0;
    }
    if (cls & CLS_SPACE) {
      if (!inSpace) out.push(SPACE);
      inSpace = true;
      continue;
    }
    if (cls & CLS_ZERO) continue;
    inSpace = false;
    if (c < ASCII_END) {
      // ASCII folds to itself, lower-cased for the full fold.
      out.push(keepCase ? c : (t.fold[c] as number));
    } else if (keepCase) {
      out.pushString(keepFoldOf(cp));
    } else if (cp > 0xffff) {
      out.pushString(astralFold(cp));
    } else if (cls & CLS_EXPAND) {
      const f = t.fold[cp] as number;
      for (let u = t.expansionStart[f] as number; u < (t.expansionStart[f + 1] as number); u++) out.push(t.expansionUnits[u] as number);
    } else {
      out.push(t.fold[cp] as number);
    }
  }
  trimUnits(out, from);
}

/** String.prototype.trim on the units of `out` from `from`: its WhiteSpace and LineTerminator units. */
function trimUnits(out: UnitBuffer, from: number): void {
  const units = out.units;
  while (out.length > from && isTrimmed(units[out.length - 1] as number)) out.length--;
  let lead = from;
  while (lead < out.length && isTrimmed(units[lead] as number)) lead++;
  if (lead > from) {
    units.copyWithin(from, lead, out.length);
    out.length -= lead - from;
  }
}

function isTrimmed(u: number): boolean {
  if (u <= SPACE) return u === SPACE || (u >= 0x09 && u <= 0x0d);
  return u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}

/** A folded string with, per folded unit, the original character it came from. */
export interface FoldedWithMap {
  readonly text: string;
  /** Start offset (in the original) of the character that produced each unit. */
  readonly charStart: Int32Array;
  /** End offset (exclusive) of that character. */
  readonly charEnd: Int32Array;
}

/** Full fold of `s` (not trimmed) keeping the way back to original offsets. */
export function foldWithMap(t: FoldTables, s: string): FoldedWithMap {
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; ) {
    const { cls, cp, width } = charAt(t, s, i);
    const start = i;
    i += width;
    if (cls & CLS_SPACE) {
      if (inSpace) {
        ends[ends.length - 1] = i;
      } else {
        units.push(' ');
        starts.push(start);
        ends.push(i);
      }
      inSpace = true;
      continue;
    }
    if (cls & CLS_ZERO) continue;
    inSpace = false;
    const f = fullFoldOf(t, cp, cls);
    for (let u = 0; u < f.length; u++) {
      units.push(f[u] as string);
      starts.push(start);
      ends.push(i);
    }
  }
  return { text: units.join(''), charStart: Int32Array.from(starts), charEnd: Int32Array.from(ends) };
}
