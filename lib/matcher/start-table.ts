/**
 * The scanner's class table: the shared fold classes plus, per matcher, the units a trie
 * walk may start on.
 */
import { CLS_EXPAND, CLS_HIGH, CLS_LOWER, CLS_SPACE, CLS_WORD, CLS_ZERO } from '../text/char-fold';
import type { MatcherData } from './matcher-data';
import { BLOCK_FLAG } from './trie-layout';

/**
 * Matcher-specific bit added to the class table: a walk may start on this unit
 * (its fold begins some name that can start on such a letter).
 */
export const CLS_START = 512;

/** Copies the class table, marking the units a walk can start on (`rootChild`: trie-layout.ts rootChildren). */
export function startClassTable(d: MatcherData, rootChild: Int32Array): Uint16Array {
  const { cls: base, fold, blocks, expansionStart, expansionUnits } = d;
  const cls = base.slice();
  for (let c = 0; c < cls.length; c++) {
    const k = cls[c] as number;
    if (k & (CLS_ZERO | CLS_SPACE | CLS_HIGH)) continue;
    const first = k & CLS_EXPAND ? (expansionUnits[expansionStart[fold[c] as number] as number] as number) : fold[c];
    const child = rootChild[first as number] as number;
    if (child === 0) continue;
    // A lower-case letter only starts names that may be written in lower case.
    if (k & CLS_LOWER && !((blocks[child] as number) & BLOCK_FLAG)) continue;
    cls[c] = k | CLS_START;
  }
  return cls;
}

/** Step bit: a letter or digit of a spaced script (a word goes on). */
export const STEP_WORD = 1;
/** Step bit (always STEP_WORD << 1 with STEP_WORD): a word starting on this unit may be a name's first word. */
export const STEP_NAME_START = 2;
/** Step bit: the scan must look at this unit (ignorable, a high surrogate, or a walk may start on it). */
export const STEP_STOP = 4;

/**
 * Per unit, what the scan's fast loop does (scanner.ts), from the class table with
 * CLS_START: one byte read per character instead of a chain of class tests.
 */
export function stepTable(cls: Uint16Array): Uint8Array {
  const steps = new Uint8Array(cls.length);
  for (let c = 0; c < cls.length; c++) {
    const k = cls[c] as number;
    let step = 0;
    if (k & CLS_WORD) {
      step = STEP_WORD;
      // Lower-case words are skipped unless a name may start in lower case with this letter.
      if (!(k & CLS_LOWER) || k & CLS_START) step |= STEP_NAME_START;
    } else if (k & CLS_START) step = STEP_STOP;
    if (k & (CLS_ZERO | CLS_HIGH)) step = STEP_STOP;
    steps[c] = step;
  }
  return steps;
}

/** foldClassTable: a unit's class sits above this bit, its fold below. */
export const CLASS_SHIFT = 16;
export const FOLD_MASK = 0xffff;

/** Per unit, its class (with CLS_START) and its fold in one Int32: the scan's word-hashing loop reads one table, not two. */
export function foldClassTable(cls: Uint16Array, fold: Uint16Array): Int32Array {
  const table = new Int32Array(cls.length);
  for (let c = 0; c < cls.length; c++) table[c] = ((cls[c] as number) << CLASS_SHIFT) | (fold[c] as number);
  return table;
}
