/**
 * Flat lookup tables for the Basic Multilingual Plane, so that the scanner folds
 * text one UTF-16 unit at a time with two array reads and no string allocation.
 * They travel inside the snapshot, so a loaded matcher folds exactly as the
 * compiled one did even if the engine's Unicode data changed in between.
 */
import { CLS_EXPAND, CLS_HIGH, CLS_ODD, CLS_SPACE, CLS_WORD, CLS_ZERO, classOf, foldFull } from '../text/char-fold';

export interface FoldTables {
  /** Per BMP unit: its folded unit; for CLS_EXPAND units, an index into `expansionStart`. */
  readonly fold: Uint16Array;
  /** Per BMP unit: CLS_* flags (CLS_ODD needs more than 8 bits). */
  readonly cls: Uint16Array;
  /** Offsets into `expansionUnits`, one more than there are expansions. */
  readonly expansionStart: Int32Array;
  readonly expansionUnits: Uint16Array;
}

const BMP_SIZE = 0x10000;
let cached: FoldTables | undefined;

/** Builds (once per process, about 30 ms) the BMP fold and class tables. */
export function getFoldTables(): FoldTables {
  if (cached) return cached;
  const fold = new Uint16Array(BMP_SIZE);
  const cls = new Uint16Array(BMP_SIZE);
  const starts: number[] = [0];
  const units: number[] = [];
  for (let c = 0; c < BMP_SIZE; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      cls[c] = CLS_HIGH;
      // Read only when no low surrogate follows: a lone one folds to itself, as in foldText.
      fold[c] = c;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      // A lone low surrogate: punctuation-like, folds to itself.
      fold[c] = c;
      continue;
    }
    let k = classOf(c);
    const f = k & CLS_SPACE ? ' ' : k & CLS_ZERO ? '' : foldFull(c);
    if (f.length === 1) {
      fold[c] = f.charCodeAt(0);
    } else if (f.length > 1) {
      k |= CLS_EXPAND;
      fold[c] = starts.length - 1;
      for (let i = 0; i < f.length; i++) units.push(f.charCodeAt(i));
      starts.push(units.length);
    }
    cls[c] = k;
  }
  const expansionStart = Int32Array.from(starts);
  const expansionUnits = Uint16Array.from(units);
  // Second pass: the class of a fold's units is known only now.
  for (let c = 0; c < BMP_SIZE; c++) {
    const k = cls[c] as number;
    if (k & (CLS_HIGH | CLS_ZERO | CLS_SPACE)) continue;
    const f = fold[c] as number;
    const foldUnits = k & CLS_EXPAND ? expansionUnits.subarray(expansionStart[f], expansionStart[f + 1]) : [f];
    const odd =
      k & CLS_WORD
        ? foldUnits.some((u) => !((cls[u] as number) & CLS_WORD))
        : ((cls[foldUnits[0] as number] as number) & CLS_WORD) !== 0;
    if (odd) cls[c] = k | CLS_ODD;
  }
  cached = { fold, cls, expansionStart, expansionUnits };
  return cached;
}
