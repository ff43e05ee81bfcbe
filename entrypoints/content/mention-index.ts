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

/**
 * Maps scanned offsets to DOM ranges and answers "which mention is at this caret
 * position" without walking the page again.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, { entry: BlockMentions; nodeIndex: number }>();
  readonly mentions: PageMention[] = [];

  add(block: TextBlock, scanned: readonly ScannedMention[]): PageMention[] {
    if (scanned.length === 0) return [];
    const entry: BlockMentions = { block, spans: [] };
    for (const span of scanned) {
      const range = toRange(block, span.start, span.end);
      if (!range) continue;
      const mention = { range, entityKeys: span.entityKeys, text: block.text.slice(span.start, span.end) };
      entry.spans.push({ start: span.start, end: span.end, mention });
      this.mentions.push(mention);
    }
    block.nodes.forEach((node, nodeIndex) => this.byNode.set(node, { entry, nodeIndex }));
    return entry.spans.map((s) => s.mention);
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

  clear(): void {
    this.byNode.clear();
    this.mentions.length = 0;
  }
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
