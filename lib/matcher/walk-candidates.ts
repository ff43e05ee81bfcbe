/** The candidates of one trie walk (scanner.ts): reused across walks, grown when a walk finds more. */
export class WalkCandidates {
  /** Per candidate: its terminal trie node, its end in the text, and whether it ends on a word unit (1). */
  node = new Int32Array(64);
  end = new Int32Array(64);
  word = new Uint8Array(64);

  /** Sets candidate `at` (the walk's count so far). */
  push(at: number, node: number, end: number, word: boolean): void {
    if (at === this.node.length) {
      this.node = grow(this.node, new Int32Array(at * 2));
      this.end = grow(this.end, new Int32Array(at * 2));
      this.word = grow(this.word, new Uint8Array(at * 2));
    }
    this.node[at] = node;
    this.end[at] = end;
    this.word[at] = word ? 1 : 0;
  }
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
