import type { ScannedMention } from '../../lib/messages/protocol';
import type { TextBlock } from './text-blocks';

/** A mention on the page: its DOM range and the entities it may be. */
export interface PageMention {
  range: Range;
  entityKeys: readonly string[];
  text: string;
}

interface BlockMentions {
  block: TextBlock;
  /** Sorted by start, non-overlapping. */
  spans: Array<{ start: number; end: number; mention: PageMention }>;
}

/** Narrows a mention's candidates (per-site "not this one"); an empty result drops it. */
export type CandidateFilter = (text: string, entityKeys: readonly string[]) => readonly string[];

/**
 * Maps scanned offsets to DOM ranges and answers "which mention is at this caret
 * position" without walking the page again. Blocks can be replaced or dropped as the
 * page changes; the index never holds more than `cap` mentions.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, { entry: BlockMentions; nodeIndex: number }>();
  private readonly entries = new Set<BlockMentions>();
  private total = 0;
  private ordered: PageMention[] | undefined;

  /** Most mentions kept (the `highlightCap` setting). */
  cap = Number.POSITIVE_INFINITY;
  filter: CandidateFilter | undefined;

  get size(): number {
    return this.total;
  }

  get isFull(): boolean {
    return this.total >= this.cap;
  }

  /**
   * Records the mentions of one block, replacing whatever was recorded for any of its
   * text nodes before. Returns what was added and what was dropped (for the painter).
   */
  add(
    block: TextBlock,
    scanned: readonly ScannedMention[],
    /** Whether the text node a mention starts in is shown (hidden text is not highlighted). */
    isShown: (node: Text) => boolean = () => true,
  ): { added: PageMention[]; removed: PageMention[] } {
    const previous = this.entriesOf(block.nodes);
    // Full, and nothing of this block to replace: nothing to do (the common case past the cap).
    if (this.total >= this.cap && previous.length === 0) return { added: [], removed: [] };
    const removed = this.dropEntries(previous);
    const entry: BlockMentions = { block, spans: [] };
    for (const span of scanned) {
      if (this.total >= this.cap) break;
      const text = block.text.slice(span.start, span.end);
      const entityKeys = this.filter ? this.filter(text, span.entityKeys) : span.entityKeys;
      if (entityKeys.length === 0) continue;
      const range = toRange(block, span.start, span.end);
      if (!range || !isShown(range.startContainer as Text)) continue;
      const mention = { range, entityKeys, text };
      entry.spans.push({ start: span.start, end: span.end, mention });
      this.total++;
    }
    if (entry.spans.length > 0) {
      this.entries.add(entry);
      block.nodes.forEach((node, nodeIndex) => this.byNode.set(node, { entry, nodeIndex }));
      this.ordered = undefined;
    }
    return { added: entry.spans.map((s) => s.mention), removed };
  }

  /** Drops every block that has a node matching `predicate` (removed or about to be rescanned). */
  removeWhere(predicate: (node: Text) => boolean): PageMention[] {
    const doomed: BlockMentions[] = [];
    for (const entry of this.entries) if (entry.block.nodes.some(predicate)) doomed.push(entry);
    return this.dropEntries(doomed);
  }

  /** The mention covering character `offset` of text node `node`, if any. */
  at(node: Node, offset: number): PageMention | undefined {
    const hit = this.byNode.get(node as Text);
    if (!hit) return undefined;
    const position = hit.entry.block.starts[hit.nodeIndex]! + offset;
    const spans = hit.entry.spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = spans[mid]!;
      if (position < span.start) hi = mid - 1;
      else if (position >= span.end) lo = mid + 1;
      else return span.mention;
    }
    return undefined;
  }

  /** Every mention, in the order a reader meets them (shadow content at its host). */
  inOrder(): readonly PageMention[] {
    if (!this.ordered) {
      const all: PageMention[] = [];
      for (const entry of this.entries) for (const span of entry.spans) all.push(span.mention);
      all.sort((a, b) => compareNodes(a.range.startContainer, b.range.startContainer) || a.range.startOffset - b.range.startOffset);
      this.ordered = all;
    }
    return this.ordered;
  }

  clear(): void {
    this.byNode.clear();
    this.entries.clear();
    this.total = 0;
    this.ordered = undefined;
  }

  private entriesOf(nodes: readonly Text[]): BlockMentions[] {
    const found = new Set<BlockMentions>();
    for (const node of nodes) {
      const hit = this.byNode.get(node);
      if (hit) found.add(hit.entry);
    }
    return [...found];
  }

  private dropEntries(entries: readonly BlockMentions[]): PageMention[] {
    const removed: PageMention[] = [];
    for (const entry of entries) {
      if (!this.entries.delete(entry)) continue;
      for (const node of entry.block.nodes) if (this.byNode.get(node)?.entry === entry) this.byNode.delete(node);
      for (const span of entry.spans) removed.push(span.mention);
      this.total -= entry.spans.length;
    }
    if (removed.length > 0) this.ordered = undefined;
    return removed;
  }
}

/** Document order across shadow boundaries: a node in a shadow tree sorts at its host. */
function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const pathA = hostChain(a);
  const pathB = hostChain(b);
  // Compare in the outermost tree where the two chains differ.
  let i = pathA.length - 1;
  let j = pathB.length - 1;
  while (i > 0 && j > 0 && pathA[i] === pathB[j]) {
    i--;
    j--;
  }
  const x = pathA[i]!;
  const y = pathB[j]!;
  if (x === y) return pathA.length - pathB.length;
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** The node, then the host of its shadow tree, and so on up to the document. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    chain.push(root.host);
    root = root.host.getRootNode();
  }
  return chain;
}

function toRange(block: TextBlock, start: number, end: number): Range | undefined {
  const from = locate(block, start, false);
  const to = locate(block, end, true);
  if (!from || !to) return undefined;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Node and offset of block position `at`; an end position prefers the earlier node. */
function locate(block: TextBlock, at: number, isEnd: boolean): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = block.starts[mid]!;
    if (s < at || (!isEnd && s === at)) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo];
  if (!node) return undefined;
  const offset = at - block.starts[lo]!;
  return offset <= node.data.length ? { node, offset } : undefined;
}
