/**
 * Lays the trie out as blocks in depth-first order, for the scan, and reads them back
 * (childOf, rootChildren).
 *
 * Block of a node, in one Int32Array:
 *   [header, (key index, if terminal), labels (two UTF-16 units per int), child offsets]
 *   header = childCount << 3 | BLOCK_TERMINAL | BLOCK_FLAG
 * A node with exactly one child (most nodes: the tails of names) is only
 *   [header, (key index, if terminal)], header = label << 16 | BLOCK_SINGLE | …,
 * and its child's block follows it directly (depth-first order). A terminal
 * node without children (where most names end) is one int: key index << 4 | BLOCK_LEAF | ….
 *
 * Why: one step of a walk then reads one block (header, labels and the child's
 * offset sit side by side) instead of three arrays, and depth-first order puts
 * a node's first child right after it, so the long single-child chains at the
 * end of names are sequential in memory. With 150k names the trie is larger
 * than the caches and each step's cache misses dominate the scan. Single-child
 * blocks cost 4 bytes instead of 12, leaves 4 instead of 8 (1M names: 51 MB of blocks became 22 MB),
 * and a walk down a name's tail reads consecutive ints.
 */
import { stepDue, type Steps } from './steps';
import type { SortedKeys, TrieShape } from './trie-build';

/** Header bit: some name below this node may start on a lower-case letter. */
export const BLOCK_FLAG = 1;
/** Header bit: a key ends here; its index follows the header. */
export const BLOCK_TERMINAL = 2;
/** Header bit: exactly one child, whose label is the header's top 16 bits and whose block follows. */
const BLOCK_SINGLE = 4;
/** Header bit: a terminal node without children, whose key index is the header's bits from BLOCK_COUNT_SHIFT up. */
const BLOCK_LEAF = 8;
/** Header bits below the child count (or a leaf's key index). */
const BLOCK_COUNT_SHIFT = 4;
const SINGLE_LABEL_SHIFT = 16;

/** Ints of a node's block (see above). */
function blockSize(children: number, bits: number): number {
  if (children === 0) return 1;
  const terminal = bits & BLOCK_TERMINAL ? 1 : 0;
  return children === 1 ? 1 + terminal : 1 + terminal + ((children + 1) >> 1) + children;
}

/**
 * Writes the blocks of the trie over sorted keys (trie-build.ts), walking the keys again:
 * nodes come in preorder, so each block follows the previous one, and a new node's label
 * and offset go into its parent's block, found on the current key's path. The root's
 * block is at offset 0.
 */
export function* layoutBlocks(keys: SortedKeys, shape: TrieShape): Steps<Int32Array> {
  const { childCount, bits } = shape;
  let total = 0;
  for (let v = 0; v < childCount.length; v++) {
    if (stepDue(v)) yield;
    total += blockSize(childCount[v] as number, bits[v] as number);
  }
  const blocks = new Int32Array(total);
  const units = new Uint16Array(blocks.buffer);
  // Per depth on the current key's path: the node, its block's offset, its next child's index.
  const pathNode = new Int32Array(shape.depth + 1);
  const pathBlock = new Int32Array(shape.depth + 1);
  const pathSlot = new Int32Array(shape.depth + 1);
  // The root: never terminal (keys are not empty); its children are linked below.
  blocks[0] = childCount[0] === 1 ? BLOCK_SINGLE | (bits[0] as number) : ((childCount[0] as number) << BLOCK_COUNT_SHIFT) | (bits[0] as number);
  let cursor = blockSize(childCount[0] as number, bits[0] as number);
  let v = 0;
  for (let r = 0; r < keys.start.length; r++) {
    if (stepDue(r)) yield;
    const from = keys.start[r] as number;
    const length = (keys.end[r] as number) - from;
    for (let d = keys.shared[r] as number; d < length; d++) {
      const label = keys.units[from + d] as number;
      const at = cursor;
      v++;
      const children = childCount[v] as number;
      const nodeBits = bits[v] as number;
      cursor += blockSize(children, nodeBits);
      // Link from the parent: a single child's label is in its parent's header, and its block follows.
      const parent = pathNode[d] as number;
      const parentBlock = pathBlock[d] as number;
      const siblings = childCount[parent] as number;
      if (siblings === 1) {
        blocks[parentBlock] = (blocks[parentBlock] as number) | (label << SINGLE_LABEL_SHIFT);
      } else {
        const slot = pathSlot[d] as number;
        pathSlot[d] = slot + 1;
        const labels = parentBlock + 1 + (((blocks[parentBlock] as number) & BLOCK_TERMINAL) >> 1);
        units[2 * labels + slot] = label;
        blocks[labels + ((siblings + 1) >> 1) + slot] = at;
      }
      // A key ends at its last unit's node, which is made while walking that key.
      const terminal = d + 1 === length;
      if (children === 0) {
        blocks[at] = (r << BLOCK_COUNT_SHIFT) | BLOCK_LEAF | nodeBits;
      } else {
        blocks[at] = children === 1 ? BLOCK_SINGLE | nodeBits : (children << BLOCK_COUNT_SHIFT) | nodeBits;
        if (terminal) blocks[at + 1] = r;
      }
      pathNode[d + 1] = v;
      pathBlock[d + 1] = at;
      pathSlot[d + 1] = 0;
    }
  }
  return blocks;
}

/** Linear scan below this many children, binary search above. */
const LINEAR_CHILDREN = 8;

/** Offset of the child of the block at `off` labelled `c`, or -1. */
export function childOf(blocks: Int32Array, units: Uint16Array, off: number, c: number): number {
  const header = blocks[off] as number;
  if (header & (BLOCK_SINGLE | BLOCK_LEAF)) {
    return header & BLOCK_SINGLE && header >>> SINGLE_LABEL_SHIFT === c ? off + 1 + ((header & BLOCK_TERMINAL) >> 1) : -1;
  }
  const count = header >>> BLOCK_COUNT_SHIFT;
  const labels = off + 1 + ((header & BLOCK_TERMINAL) >> 1);
  const children = labels + ((count + 1) >> 1);
  const first = 2 * labels;
  if (count <= LINEAR_CHILDREN) {
    for (let t = 0; t < count; t++) {
      const l = units[first + t] as number;
      if (l >= c) return l === c ? (blocks[children + t] as number) : -1;
    }
    return -1;
  }
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = units[first + mid] as number;
    if (l < c) lo = mid + 1;
    else if (l > c) hi = mid;
    else return blocks[children + mid] as number;
  }
  return -1;
}

/** Trie key index of the terminal block at `off`. */
export function keyOf(blocks: Int32Array, off: number): number {
  const header = blocks[off] as number;
  return header & BLOCK_LEAF ? header >>> BLOCK_COUNT_SHIFT : (blocks[off + 1] as number);
}

/** Offset of the root's child per first folded unit (0 = none): the scanner's first step. */
export function rootChildren(blocks: Int32Array, units: Uint16Array): Int32Array {
  const rootChild = new Int32Array(0x10000);
  const root = blocks[0] as number;
  // The root is never terminal (keys are not empty): a single child's block is at 1.
  if (root & BLOCK_SINGLE) {
    rootChild[root >>> SINGLE_LABEL_SHIFT] = 1;
    return rootChild;
  }
  const rootCount = (blocks[0] as number) >>> BLOCK_COUNT_SHIFT;
  const labels = 1 + (((blocks[0] as number) & BLOCK_TERMINAL) >> 1);
  for (let t = 0; t < rootCount; t++) {
    rootChild[units[2 * labels + t] as number] = blocks[labels + ((rootCount + 1) >> 1) + t] as number;
  }
  return rootChild;
}
