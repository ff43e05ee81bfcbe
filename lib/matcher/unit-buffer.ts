/**
 * A growable run of UTF-16 units. The compile folds a million names into two of these
 * (keys and case-preserving folds, with offsets per name) instead of two million short
 * strings: the strings' allocation and garbage collection were a fifth of the compile.
 */

/** Units per String.fromCharCode call (far below engines' argument limits). */
const CHARS_PER_CALL = 8192;
const INITIAL_CAPACITY = 1024;

export class UnitBuffer {
  units: Uint16Array;
  length = 0;

  constructor(capacity = INITIAL_CAPACITY) {
    this.units = new Uint16Array(Math.max(1, capacity));
  }

  push(unit: number): void {
    if (this.length === this.units.length) this.grow(this.length + 1);
    this.units[this.length++] = unit;
  }

  /** Appends every unit of a string. */
  pushString(s: string): void {
    if (this.length + s.length > this.units.length) this.grow(this.length + s.length);
    for (let i = 0; i < s.length; i++) this.units[this.length++] = s.charCodeAt(i);
  }

  /** The units from `start` to `end` as a string (one byte per unit in V8 when all are ≤ U+00FF). */
  text(start = 0, end = this.length): string {
    if (end - start <= CHARS_PER_CALL) return String.fromCharCode.apply(null, this.units.subarray(start, end) as unknown as number[]);
    const parts: string[] = [];
    for (let at = start; at < end; at += CHARS_PER_CALL) {
      parts.push(String.fromCharCode.apply(null, this.units.subarray(at, Math.min(end, at + CHARS_PER_CALL)) as unknown as number[]));
    }
    return parts.join('');
  }

  private grow(needed: number): void {
    let capacity = this.units.length * 2;
    while (capacity < needed) capacity *= 2;
    const units = new Uint16Array(capacity);
    units.set(this.units.subarray(0, this.length));
    this.units = units;
  }
}
