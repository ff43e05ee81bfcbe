import type { ScannedMention } from '../../lib/messages/protocol';
import type { HighlightPainter } from './highlight-painter';
import { deadline, mark, measured, measureSince, whenIdle, yieldToMain } from './main-thread';
import type { MentionIndex, PageMention } from './mention-index';
import { ShadowRootFinder } from './shadow-roots';
import { TextBlockCollector, type TextBlock } from './text-blocks';

/** Text per scan request (UTF-16 code units): keeps each message and each reply small. */
const BATCH_CHARS = 200_000;
/** Screens of text below the viewport that count as "in view" for the first batch. */
const VIEWPORT_LOOKAHEAD_SCREENS = 1;
/** Most blocks in the first, in-view batch. */
const MAX_VIEWPORT_BLOCKS = 500;
/** Performance mark set when the first mentions of a full scan are painted (benchmarks read it). */
const FIRST_HIGHLIGHT_MARK = 'backstory:first-highlight';
/** Performance mark set when a full scan has painted everything it will. */
const SCAN_DONE_MARK = 'backstory:scan-done';
/** Performance measure of one round trip of page text to the background and back. */
const ROUND_TRIP_MEASURE = 'backstory:scan-roundtrip';

export interface ScannerDeps {
  index: MentionIndex;
  painter: HighlightPainter;
  scan(texts: string[]): Promise<ScannedMention[][]>;
  /** Our own UI, never scanned. */
  ownHosts: readonly Element[];
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
  /** Visibility of elements holding mentions, asked once per element per full scan. */
  private shown = new WeakMap<Element, boolean>();

  constructor(private readonly deps: ScannerDeps) {}

  /** Scans the whole page afresh; a newer call supersedes an older one still running. */
  async rescan(): Promise<number> {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    // What is painted stays until the first answer of this scan is in: a rescan after a
    // library change must not blank the page (nor the name under the pointer) meanwhile.
    let cleared = false;
    const clearOnce = () => {
      if (cleared) return;
      cleared = true;
      measured(() => {
        this.deps.index.clear();
        this.deps.painter.clear();
      });
      this.shown = new WeakMap();
    };
    const root = document.body ?? document.documentElement;
    let found = 0;
    let painted = false;
    const scan = async (batch: readonly TextBlock[]): Promise<boolean> => {
      if (batch.length === 0 || (cleared && this.deps.index.isFull)) return true;
      const added = await this.scanBlocks(batch, isCurrent, clearOnce);
      if (added === undefined) return false;
      if (!painted && added > 0) {
        mark(FIRST_HIGHLIGHT_MARK);
        painted = true;
      }
      found += added;
      return true;
    };

    // The walk goes in document order; as soon as it has passed the bottom of the screen,
    // what is on screen is matched and painted, and the walk goes on.
    const collector = this.collector(root);
    const blocks: TextBlock[] = [];
    let inView: { from: number; to: number } | undefined;
    for (;;) {
      const slice = measured(() => collector.collect(deadline()));
      for (const block of slice) blocks.push(block);
      if (!inView && (collector.done || measured(() => isPastViewport(blocks)))) {
        inView = measured(() => viewportSlice(blocks));
        if (!(await scan(blocks.slice(inView.from, inView.to)))) return found;
      }
      if (collector.done) break;
      await yieldToMain();
      if (!isCurrent()) return found;
    }
    if (!isCurrent()) return found;
    clearOnce();
    const view = inView ?? { from: 0, to: 0 };
    for (const batch of batches([...blocks.slice(0, view.from), ...blocks.slice(view.to)])) {
      if (this.deps.index.isFull) break;
      await whenIdle();
      if (!isCurrent() || !(await scan(batch))) return found;
    }
    // Open shadow roots last: finding them means asking every element.
    const shadowFound = await this.scanShadowRoots(root, isCurrent, true);
    if (shadowFound === undefined) return found;
    mark(SCAN_DONE_MARK);
    return found + shadowFound;
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
    for (const root of roots) if ((await this.scanShadowRoots(root, isCurrent, false)) === undefined) return;
  }

  /** Finds the open shadow roots under `root` (in slices) and scans each; undefined if superseded. */
  private async scanShadowRoots(root: Element, isCurrent: () => boolean, idle: boolean): Promise<number | undefined> {
    const finder = new ShadowRootFinder(root);
    let found = 0;
    while (!finder.done) {
      if (idle) await whenIdle();
      else await yieldToMain();
      if (!isCurrent()) return undefined;
      const shadows = measured(() => finder.find(deadline()));
      for (const shadow of shadows) {
        this.deps.onShadowRoot(shadow);
        const blocks = await this.collect(shadow, isCurrent);
        if (!blocks) return undefined;
        for (const batch of batches(blocks)) {
          if (this.deps.index.isFull) return found;
          const added = await this.scanBlocks(batch, isCurrent);
          if (added === undefined) return undefined;
          found += added;
        }
      }
    }
    return found;
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

  /** Whether a text node is rendered visibly (display, visibility, content-visibility), cached per element. */
  private readonly isShown = (node: Text): boolean => {
    const element = node.parentElement;
    if (!element) return true;
    let shown = this.shown.get(element);
    if (shown === undefined) {
      shown = typeof element.checkVisibility === 'function'
        ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
        : true;
      this.shown.set(element, shown);
    }
    return shown;
  };

  private collector(root: Node): TextBlockCollector {
    return new TextBlockCollector(root, { exclude: this.deps.ownHosts, scanCodeBlocks: this.deps.scanCodeBlocks() });
  }

  /** All text blocks under `root`, walked in slices; undefined if superseded. */
  private async collect(root: Node, isCurrent: () => boolean): Promise<TextBlock[] | undefined> {
    const collector = this.collector(root);
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
  private async scanBlocks(batch: readonly TextBlock[], isCurrent: () => boolean, beforeAdding?: () => void): Promise<number | undefined> {
    const sent = performance.now();
    // The synchronous part of sending (serializing the text) is main-thread time too.
    const reply = measured(() => this.deps.scan(batch.map((b) => b.text)));
    const results = await reply;
    measureSince(ROUND_TRIP_MEASURE, sent);
    if (!isCurrent()) return undefined;
    beforeAdding?.();
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
          const { added: plus, removed } = this.deps.index.add(batch[i]!, found, this.isShown);
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

/** Whether the walk has gone past the bottom of the screen (and the lookahead below it). */
function isPastViewport(blocks: readonly TextBlock[]): boolean {
  const last = blocks.at(-1)?.nodes[0]?.parentElement;
  return !!last && last.getBoundingClientRect().top > innerHeight * (1 + VIEWPORT_LOOKAHEAD_SCREENS);
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
