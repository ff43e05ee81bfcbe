/**
 * Names ordered by their folded keys and grouped by equal keys, over the keys' shared
 * unit buffer (name-folds.ts): a radix sort two UTF-16 units at a time (sortByKey), so
 * there is no string per key, no comparator call per comparison and no map from key to
 * group. The order is the default string
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
/** Names sorted between two yields (a few milliseconds). */
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

/** From this many names a range is sorted by the engine (below, a call and a subarray cost more). */
const NATIVE_SORT_MIN = 64;

/** Insertion sort of packed 64-bit keys words[2lo .. 2hi) as (high word, low word) pairs. */
function sortPairs(words: Uint32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const low = words[2 * i] as number;
    const high = words[2 * i + 1] as number;
    let j = i;
    while (j > lo) {
      const h = words[2 * j - 1] as number;
      if (h < high || (h === high && (words[2 * j - 2] as number) <= low)) break;
      words[2 * j] = words[2 * j - 2] as number;
      words[2 * j + 1] = h;
      j--;
    }
    words[2 * j] = low;
    words[2 * j + 1] = high;
  }
}

/** Bits of a packed sort key that hold the name's index (the rest: two units of its key). */
const INDEX_BITS = 30;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
const BMP_UNITS = 0x10000;

/**
 * Indices 0 .. count - 1 ordered by key, equal keys in input order. First a counting sort
 * by the first unit (one sequential pass); then each range of names that share their
 * first d units is ordered by its next two units: packed with the name's index into one
 * 64-bit integer per name (two units + 1, so that a key's end sorts first, then the
 * index, so that equal keys keep input order) and sorted by the engine's native sort of a
 * BigUint64Array, written through a Uint32Array view (no BigInt is made); ranges still
 * equal after that are sorted again two units deeper.
 */
export function* sortByKey(keys: KeyColumn, count: number): Steps<SortedNames> {
  if (count > INDEX_MASK) throw new Error(`Too many names for the matcher (${count})`);
  const byFirst = new Int32Array(count);
  // Ranges still to sort, three numbers each: lo, hi, depth (all names in a range share its first `depth` units).
  const pending: number[] = [];
  const bucketStart = new Int32Array(BMP_UNITS + 1);
  for (let p = 0; p < count; p++) {
    const first = keys.units[keys.start[p] as number] as number;
    bucketStart[first + 1] = (bucketStart[first + 1] as number) + 1;
  }
  for (let u = 0; u < BMP_UNITS; u++) {
    const size = bucketStart[u + 1] as number;
    bucketStart[u + 1] = (bucketStart[u] as number) + size;
    if (size > 1) pending.push(bucketStart[u] as number, bucketStart[u + 1] as number, 1);
  }
  for (let p = 0; p < count; p++) {
    if (stepDue(p)) yield;
    const first = keys.units[keys.start[p] as number] as number;
    const at = bucketStart[first] as number;
    byFirst[at] = p;
    bucketStart[first] = at + 1;
  }
  // The keys copied in that order: the deeper passes then read one bucket's keys, close together, not all over the buffer.
  const local: KeyColumn = { units: new Uint16Array(keys.start[count] as number), start: new Int32Array(count + 1) };
  for (let s = 0, at = 0; s < count; s++) {
    if (stepDue(s)) yield;
    const p = byFirst[s] as number;
    const to = keys.start[p + 1] as number;
    for (let from = keys.start[p] as number; from < to; from++) local.units[at++] = keys.units[from] as number;
    local.start[s + 1] = at;
  }
  // Positions in local order; equal keys keep it, which is input order within a bucket.
  const position = new Int32Array(count);
  for (let s = 0; s < count; s++) position[s] = s;
  const packed = new BigUint64Array(count);
  const words = new Uint32Array(packed.buffer);
  let work = 0;
  while (pending.length > 0) {
    const d = pending.pop() as number;
    const hi = pending.pop() as number;
    const lo = pending.pop() as number;
    if (hi - lo <= INSERTION_MAX) {
      insertionSort(local, position, lo, hi, d);
      continue;
    }
    for (let s = lo; s < hi; s++) {
      const p = position[s] as number;
      const u0 = unitAt(local, p, d) + 1;
      const u1 = unitAt(local, p, d + 1) + 1;
      // Little-endian: the low word first. Bits: u0 (17) u1 (17) index (30).
      words[2 * s] = (((u1 & 3) << INDEX_BITS) | p) >>> 0;
      words[2 * s + 1] = ((u0 << 15) | (u1 >>> 2)) >>> 0;
    }
    if (hi - lo <= NATIVE_SORT_MIN) sortPairs(words, lo, hi);
    else packed.subarray(lo, hi).sort();
    let run = lo;
    for (let s = lo; s <= hi; s++) {
      if (s < hi) position[s] = (words[2 * s] as number) & INDEX_MASK;
      if (s < hi && words[2 * s + 1] === words[2 * run + 1] && (words[2 * s] as number) >>> INDEX_BITS === (words[2 * run] as number) >>> INDEX_BITS) continue;
      // A run of names equal in both units: sort it deeper unless their keys ended (then equal, in input order).
      const u1 = (((words[2 * run + 1] as number) & 0x7fff) << 2) | ((words[2 * run] as number) >>> INDEX_BITS);
      if (s - run > 1 && u1 !== 0) pending.push(run, s, d + 2);
      run = s;
    }
    work += hi - lo;
    if (work >= WORK_PER_STEP) {
      work = 0;
      yield;
    }
  }
  const order = new Int32Array(count);
  const keyStart = new Int32Array(count);
  const keyEnd = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    if (stepDue(s)) yield;
    const at = position[s] as number;
    order[s] = byFirst[at] as number;
    keyStart[s] = local.start[at] as number;
    keyEnd[s] = local.start[at + 1] as number;
  }
  return { order, keyUnits: local.units, keyStart, keyEnd };
}

/** Names in key order, and their keys in a buffer of their own. */
export interface SortedNames {
  /** The name in each place. */
  readonly order: Int32Array;
  /** The key of the name in place s is keyUnits[keyStart[s] .. keyEnd[s]). */
  readonly keyUnits: Uint16Array;
  readonly keyStart: Int32Array;
  readonly keyEnd: Int32Array;
}

/** Equal keys of sorted names, grouped: the distinct keys in order. */
export interface KeyGroups {
  /** Group g's names are order[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  /** Per group: the units its key shares with the previous group's (0 for the first). */
  readonly shared: Int32Array;
}

/** Groups sorted names by equal keys. */
export function* groupByKey(sorted: SortedNames): Steps<KeyGroups> {
  const { keyUnits: units, keyStart, keyEnd } = sorted;
  const count = keyStart.length;
  const starts: number[] = [];
  const shared: number[] = [];
  for (let s = 0; s < count; s++) {
    if (stepDue(s)) yield;
    if (s === 0) {
      starts.push(s);
      shared.push(0);
      continue;
    }
    const a = keyStart[s - 1] as number;
    const b = keyStart[s] as number;
    const aLength = (keyEnd[s - 1] as number) - a;
    const bLength = (keyEnd[s] as number) - b;
    const most = Math.min(aLength, bLength);
    let d = 0;
    while (d < most && units[a + d] === units[b + d]) d++;
    if (d < aLength || d < bLength) {
      starts.push(s);
      shared.push(d);
    }
  }
  starts.push(count);
  return { groupStart: Int32Array.from(starts), shared: Int32Array.from(shared) };
}
