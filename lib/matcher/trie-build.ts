/**
 * The shape of the trie over the distinct folded keys, found in one pass over them in
 * sorted order (key-sort.ts): sorted keys meet the trie's nodes in depth-first preorder,
 * children in ascending label order, which is the order of its blocks (trie-layout.ts).
 * Key r, sharing `shared[r]` units with key r - 1, adds one node for each of its
 * further units; a stack of the current key's path gives each new node its parent.
 *
 * Why: the keys are read once, in order, from one buffer (the previous build went
 * breadth first, reading every key's string at every depth, and laid the nodes out in a
 * second order afterwards).
 */
import { BLOCK_FLAG, BLOCK_TERMINAL } from './trie-layout';
import { stepDue, type Steps } from './steps';

/** The distinct keys in sorted order. */
export interface SortedKeys {
  /** Key r is units[start[r] .. end[r]). */
  readonly units: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Units key r shares with key r - 1 (0 for the first). */
  readonly shared: Int32Array;
  /** Per key, 1 or 0: a node is flagged when it leads to a flagged key. */
  readonly flag: Uint8Array;
}

/** Per node, in depth-first preorder (node 0 is the root). */
export interface TrieShape {
  readonly childCount: Int32Array;
  /** BLOCK_TERMINAL when a key ends at the node, BLOCK_FLAG when it leads to a flagged key. */
  readonly bits: Uint8Array;
  /** The longest key's length: the depth of the deepest node. */
  readonly depth: number;
}

/** The trie's nodes: children and bits per node, in preorder. */
export function* trieShape(keys: SortedKeys): Steps<TrieShape> {
  const keyCount = keys.start.length;
  let nodes = 1;
  let depth = 0;
  for (let r = 0; r < keyCount; r++) {
    const length = (keys.end[r] as number) - (keys.start[r] as number);
    nodes += length - (keys.shared[r] as number);
    if (length > depth) depth = length;
  }
  const childCount = new Int32Array(nodes);
  const bits = new Uint8Array(nodes);
  // path[d]: the node at depth d on the current key's path.
  const path = new Int32Array(depth + 1);
  let next = 1;
  for (let r = 0; r < keyCount; r++) {
    if (stepDue(r)) yield;
    const length = (keys.end[r] as number) - (keys.start[r] as number);
    for (let d = keys.shared[r] as number; d < length; d++) {
      const parent = path[d] as number;
      childCount[parent] = (childCount[parent] as number) + 1;
      path[d + 1] = next++;
    }
    const terminal = path[length] as number;
    bits[terminal] = (bits[terminal] as number) | BLOCK_TERMINAL;
    // Ancestors of a flagged node are flagged already: stop at the first.
    if (keys.flag[r]) {
      for (let d = length; d >= 0 && !((bits[path[d] as number] as number) & BLOCK_FLAG); d--) {
        const v = path[d] as number;
        bits[v] = (bits[v] as number) | BLOCK_FLAG;
      }
    }
  }
  return { childCount, bits, depth };
}
