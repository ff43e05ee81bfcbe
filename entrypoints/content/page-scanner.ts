import type { ScannedMention } from '../../lib/messages/protocol';
import type { HighlightPainter } from './highlight-painter';
import { deadline, measured, whenIdle, yieldToMain } from './main-thread';
import type { MentionIndex, PageMention } from './mention-index';
import { TextBlockCollector, type TextBlock } from './text-blocks';

/** Text per scan request (UTF-16 code units): keeps each message and each reply small. */
const BATCH_CHARS = 200_000;
/** Screens of text below the viewport that count as "in view" for the first batch. */
const VIEWPORT_LOOKAHEAD_SCREENS = 1;
/** Most blocks in the first, in-view batch. */
const MAX_VIEWPORT_BLOCKS = 500;
/** Performance mark set when the first mentions of a full scan are painted (benchmarks read it). */
export const FIRST_HIGHLIGHT_MARK = 'backstory:first-highlight';

export interface ScannerDeps {
  index: MentionIndex;
  painter: HighlightPainter;
  scan(texts: string[]): Promise<ScannedMention[][]>;
  /** Our own UI, never scanned. */
  ownHost: Element;
  /** Whether code blocks are scanned (the `scanCodeBlocks` setting), read at each walk. */
  scanCodeBlocks(): boolean;
  /** Called for each open shadow root met (to watch it for changes and style its highlights). */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * Finds the page's text, asks the background which known names it contains, and paints
 * them: what is in the viewport first, the rest when the browser is idle, every piece of
 * work in slices short enough never to make a long task. Matching runs in the
 * background, so a tab holds no copy of the matcher.
 */
export class PageScanner {
  private generation = 0;

  constructor(private readonly deps: ScannerDeps) {}

  /** Scans the whole page afresh; a newer call supersedes an older one still running. */
  async rescan(): Promise<number> {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    measured(() => {
      this.deps.index.clear();
      this.deps.painter.clear();
    });
    const blocks = await this.collect(document.body ?? document.documentElement, isCurrent);
    if (!blocks) return 0;

    const inView = measured(() => viewportSlice(blocks));
    const rest = [...blocks.slice(0, inView.from), ...blocks.slice(inView.to)];
    let found = 0;
    let first = true;
    for (const batch of [blocks.slice(inView.from, inView.to), ...batches(rest)]) {
      if (this.deps.index.isFull) break;
      if (batch.length === 0) continue;
      if (!first) await whenIdle();
      if (!isCurrent()) return found;
      const added = await this.scanBlocks(batch, isCurrent);
      if (added === undefined) return found;
      if (first && added > 0) {
        performance.mark(FIRST_HIGHLIGHT_MARK);
        first = false;
      }
      found += added;
    }
    return found;
  }

  /**
   * Rescans only what changed: drops what was found under `roots` (elements whose text
   * changed or was added) and scans them again. Older full scans are not disturbed.
   */
  async rescanRoots(roots: readonly Element[]): Promise<void> {
    if (roots.length === 0) return;
    const generation = this.generation;
    const isCurrent = () => generation === this.generation;
    measured(() => {
      const removed = this.deps.index.removeWhere((node) => roots.some((root) => root.contains(node)));
      this.deps.painter.remove(removed.map((m) => m.range));
    });
    const blocks: TextBlock[] = [];
    for (const root of roots) {
      const found = await this.collect(root, isCurrent);
      if (!found) return;
      blocks.push(...found);
    }
    for (const batch of batches(blocks)) {
      if (this.deps.index.isFull || !isCurrent()) return;
      if ((await this.scanBlocks(batch, isCurrent)) === undefined) return;
    }
  }

  /** Drops the mentions whose text left the page. */
  pruneDisconnected(): void {
    measured(() => {
      const removed = this.deps.index.removeWhere((node) => !node.isConnected);
      this.deps.painter.remove(removed.map((m) => m.range));
    });
  }

  /** Stops a scan in progress from painting anything more. */
  cancel(): void {
    this.generation++;
  }

  /** All visible text blocks under `root`, walked in slices; undefined if superseded. */
  private async collect(root: Node, isCurrent: () => boolean): Promise<TextBlock[] | undefined> {
    const collector = new TextBlockCollector(root, {
      exclude: this.deps.ownHost,
      scanCodeBlocks: this.deps.scanCodeBlocks(),
      onShadowRoot: this.deps.onShadowRoot,
    });
    const blocks: TextBlock[] = [];
    for (;;) {
      const slice = measured(() => collector.collect(deadline()));
      for (const block of slice) blocks.push(block);
      if (collector.done) return blocks;
      await yieldToMain();
      if (!isCurrent()) return undefined;
    }
  }

  /** Sends blocks to be matched and records the answers; the number added, or undefined if superseded. */
  private async scanBlocks(batch: readonly TextBlock[], isCurrent: () => boolean): Promise<number | undefined> {
    const texts = measured(() => batch.map((b) => b.text));
    const results = await this.deps.scan(texts);
    if (!isCurrent()) return undefined;
    let added = 0;
    let i = 0;
    while (i < batch.length) {
      const shouldYield = deadline();
      measured(() => {
        const toPaint: PageMention[] = [];
        const toErase: PageMention[] = [];
        for (; i < batch.length && !shouldYield(); i++) {
          const found = results[i];
          if (!found || found.length === 0) continue;
          // A block whose text changed while the answer was on its way is left to the next change.
          if (!batch[i]!.nodes.every((node, n) => node.isConnected && isSameText(batch[i]!, n))) continue;
          const { added: plus, removed } = this.deps.index.add(batch[i]!, found);
          toPaint.push(...plus);
          toErase.push(...removed);
        }
        this.deps.painter.remove(toErase.map((m) => m.range));
        this.deps.painter.add(toPaint.map((m) => m.range));
        added += toPaint.length;
      });
      if (i < batch.length) {
        await yieldToMain();
        if (!isCurrent()) return undefined;
      }
    }
    return added;
  }
}

function isSameText(block: TextBlock, n: number): boolean {
  const start = block.starts[n]!;
  const end = n + 1 < block.starts.length ? block.starts[n + 1]! : block.text.length;
  return block.nodes[n]!.data.length === end - start;
}

/**
 * The run of blocks on screen, found by binary search on the blocks' vertical position
 * (document order is mostly top to bottom; where it is not, the rest still follows soon).
 */
function viewportSlice(blocks: readonly TextBlock[]): { from: number; to: number } {
  const top = (i: number) => blocks[i]!.nodes[0]!.parentElement?.getBoundingClientRect();
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rect = top(mid);
    if (rect && rect.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const bottom = innerHeight * (1 + VIEWPORT_LOOKAHEAD_SCREENS);
  let to = lo;
  while (to < blocks.length && to - lo < MAX_VIEWPORT_BLOCKS) {
    const rect = top(to);
    if (rect && rect.top > bottom) break;
    to++;
  }
  return { from: lo, to };
}

function* batches(blocks: readonly TextBlock[]): Generator<TextBlock[]> {
  let batch: TextBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size + block.text.length > BATCH_CHARS && batch.length > 0) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(block);
    size += block.text.length;
  }
  if (batch.length > 0) yield batch;
}
