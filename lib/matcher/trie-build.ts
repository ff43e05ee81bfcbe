/**
 * Builds a trie over folded keys in a flat, breadth-first layout:
 * the children of node v are the nodes childStart[v] .. childStart[v + 1] - 1,
 * with their edge labels (UTF-16 units) ascending in `label`. Node 0 is the root.
 *
 * Why this layout: it is built in one linear pass over the sorted keys (no
 * per-node objects, no double-array slot search), costs 10 bytes per node, and a
 * child lookup is a short scan or binary search over contiguous memory.
 */

export interface FlatTrie {
  /** Length nodeCount + 1. */
  readonly childStart: Int32Array;
  /** Edge label of each node (the root's is unused). */
  readonly label: Uint16Array;
  /** Index of the key that ends at each node, or -1. */
  readonly terminal: Int32Array;
}

/**
 * @param keys distinct, non-empty strings sorted by UTF-16 code unit (the
 *   default `Array.prototype.sort` order).
 */
export function buildTrie(keys: readonly string[]): FlatTrie {
  let total = 1;
  for (const k of keys) total += k.length;
  // Each node but the root is the last unit of some key prefix: total bounds the count.
  const lo = new Int32Array(total);
  const hi = new Int32Array(total);
  const depth = new Int32Array(total);
  const childStart = new Int32Array(total + 1);
  const label = new Uint16Array(total);
  const terminal = new Int32Array(total).fill(-1);
  lo[0] = 0;
  hi[0] = keys.length;
  let next = 1;
  for (let v = 0; v < next; v++) {
    childStart[v] = next;
    const d = depth[v] as number;
    const end = hi[v] as number;
    let k = lo[v] as number;
    // Sorted order puts the key equal to this prefix first.
    if (k < end && (keys[k] as string).length === d) terminal[v] = k++;
    while (k < end) {
      const c = (keys[k] as string).charCodeAt(d);
      let k2 = k + 1;
      while (k2 < end && (keys[k2] as string).charCodeAt(d) === c) k2++;
      lo[next] = k;
      hi[next] = k2;
      depth[next] = d + 1;
      label[next] = c;
      next++;
      k = k2;
    }
  }
  childStart[next] = next;
  return {
    childStart: childStart.slice(0, next + 1),
    label: label.slice(0, next),
    terminal: terminal.slice(0, next),
  };
}
