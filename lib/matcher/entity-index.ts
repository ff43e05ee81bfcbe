/**
 * Entity keys numbered in order of first appearance: an open-addressing table over an
 * FNV-1a hash of each key's units. A Map over the 500,000 keys of a million names was the
 * slowest line of the compile's first pass (about 2.5 times this table's time).
 */

const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;
const INITIAL_SLOTS = 1 << 10;

function hashOf(key: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

export class EntityIndex {
  /** The keys, by index. */
  readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);

  /** The key's index, a new one for a key not seen before. */
  indexOf(key: string): number {
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    let at = hash & mask;
    for (;;) {
      const e = this.slots[at] as number;
      if (e === EMPTY) break;
      if (this.keys[e] === key) return e;
      at = (at + 1) & mask;
    }
    const index = this.keys.length;
    this.keys.push(key);
    this.hashes.push(hash);
    this.slots[at] = index;
    // At most half full, so that probes stay short.
    if (2 * this.keys.length > this.slots.length) this.grow();
    return index;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.hashes.length; e++) {
      let at = (this.hashes[e] as number) & mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & mask;
      this.slots[at] = e;
    }
  }
}
