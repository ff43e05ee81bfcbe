/**
 * Names ordered by their folded keys and grouped by equal keys, over the keys' shared
 * unit buffer (name-folds.ts): a three-way radix quicksort (Bentley and Sedgewick's
 * multikey quicksort) on UTF-16 units, so there is no string per key, no comparator
 * call per comparison and no map from key to group. The order is the default string
 * sort's (by code unit, a prefix first), and names with equal keys keep input order.
 */
import { stepDue, type Steps } from './steps';

/** The keys of names, by index: name i's is units[start[i] .. start[i + 1]). */
export interface KeyColumn {
  readonly units: Uint16Array;
  readonly start: Int32Array;
}

/** Below this many names a range is sorted by insertion. */
const INSERTION_MAX = 12;
/** Names partitioned between two yields (a few milliseconds). */
const WORK_PER_STEP = 1 << 16;

/** The unit of name p's key at depth d, or -1 past its end (so a prefix sorts first). */
function unitAt(keys: KeyColumn, p: number, d: number): number {
  const at = (keys.start[p] as number) + d;
  return at < (keys.start[p + 1] as number) ? (keys.units[at] as number) : -1;
}

/** Compares two names' keys from depth d on; equal keys by input order. */
function compareFrom(keys: KeyColumn, a: number, b: number, d: number): number {
  for (;;) {
    const x = unitAt(keys, a, d);
    const y = unitAt(keys, b, d);
    if (x !== y) return x - y;
    if (x < 0) return a - b;
    d++;
  }
}

function insertionSort(keys: KeyColumn, order: Int32Array, lo: number, hi: number, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const p = order[i] as number;
    let j = i;
    while (j > lo && compareFrom(keys, order[j - 1] as number, p, d) > 0) {
      order[j] = order[j - 1] as number;
      j--;
    }
    order[j] = p;
  }
}

/** The middle value of three. */
function median(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** Indices 0 .. count - 1 ordered by key, equal keys in input order. */
export function* sortByKey(keys: KeyColumn, count: number): Steps<Int32Array> {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Ranges still to sort, three numbers each: lo, hi, depth (all names in a range share its first `depth` units).
  const pending: number[] = [0, count, 0];
  let work = 0;
  while (pending.length > 0) {
    let d = pending.pop() as number;
    let hi = pending.pop() as number;
    let lo = pending.pop() as number;
    while (hi - lo > 1) {
      if (hi - lo <= INSERTION_MAX) {
        insertionSort(keys, order, lo, hi, d);
        break;
      }
      const pivot = median(unitAt(keys, order[lo] as number, d), unitAt(keys, order[(lo + hi) >>> 1] as number, d), unitAt(keys, order[hi - 1] as number, d));
      // Three-way partition on the unit at depth d: [lo, lt) below, [lt, gt) equal, [gt, hi) above.
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i < gt) {
        const p = order[i] as number;
        const u = unitAt(keys, p, d);
        if (u < pivot) {
          order[i++] = order[lt] as number;
          order[lt++] = p;
        } else if (u > pivot) {
          order[i] = order[--gt] as number;
          order[gt] = p;
        } else i++;
      }
      work += hi - lo;
      if (work >= WORK_PER_STEP) {
        work = 0;
        yield;
      }
      if (lt - lo > 1) pending.push(lo, lt, d);
      if (hi - gt > 1) pending.push(gt, hi, d);
      if (pivot < 0) {
        // Whole keys, all equal: input order.
        order.subarray(lt, gt).sort();
        break;
      }
      lo = lt;
      hi = gt;
      d++;
    }
  }
  return order;
}

/** Equal keys of sorted names, grouped: the distinct keys in order. */
export interface KeyGroups {
  /** Group g's names are order[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  /** Per group: the units its key shares with the previous group's (0 for the first). */
  readonly shared: Int32Array;
}

/** Groups sorted names by equal keys. */
export function* groupByKey(keys: KeyColumn, order: Int32Array): Steps<KeyGroups> {
  const count = order.length;
  const starts: number[] = [];
  const shared: number[] = [];
  let previous = -1;
  for (let s = 0; s < count; s++) {
    if (stepDue(s)) yield;
    const p = order[s] as number;
    if (previous < 0) {
      starts.push(s);
      shared.push(0);
    } else {
      const a = keys.start[previous] as number;
      const b = keys.start[p] as number;
      const aLength = (keys.start[previous + 1] as number) - a;
      const bLength = (keys.start[p + 1] as number) - b;
      const most = Math.min(aLength, bLength);
      let d = 0;
      while (d < most && keys.units[a + d] === keys.units[b + d]) d++;
      if (d < aLength || d < bLength) {
        starts.push(s);
        shared.push(d);
      }
    }
    previous = p;
  }
  starts.push(count);
  return { groupStart: Int32Array.from(starts), shared: Int32Array.from(shared) };
}
