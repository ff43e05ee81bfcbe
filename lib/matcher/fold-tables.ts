/**
 * Flat lookup tables for the Basic Multilingual Plane, so that the scanner folds
 * text one UTF-16 unit at a time with two array reads and no string allocation.
 * They travel inside the snapshot, so a loaded matcher folds exactly as the
 * compiled one did even if the engine's Unicode data changed in between.
 */
import {
  CLS_EXPAND,
  CLS_HIGH,
  CLS_SPACE,
  CLS_ZERO,
  classOf,
  foldFull,
} from './char-fold';

export interface FoldTables {
  /** Per BMP unit: its folded unit; for CLS_EXPAND units, an index into `expansionStart`. */
  readonly fold: Uint16Array;
  /** Per BMP unit: CLS_* flags. */
  readonly cls: Uint8Array;
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
  const cls = new Uint8Array(BMP_SIZE);
  const starts: number[] = [0];
  const units: number[] = [];
  for (let c = 0; c < BMP_SIZE; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      cls[c] = CLS_HIGH;
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
  cached = {
    fold,
    cls,
    expansionStart: Int32Array.from(starts),
    expansionUnits: Uint16Array.from(units),
  };
  return cached;
}
