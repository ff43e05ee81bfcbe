import type { ScannedMention } from '../../lib/messages/protocol';
import type { HighlightPainter } from './highlight-painter';
import { afterNextFrame, deadline, mark, measured, measureSince, whenIdle, yieldToMain } from './main-thread';
import type { MentionIndex, PageMention } from './mention-index';
import { isBelowLookahead, lookaheadBottom, viewportSlice, visibilityCheck, whenNear } from './near-viewport';
import { ShadowRootFinder } from './shadow-roots';
import { inBatches, isUnchanged, TextBlockCollector, type TextBlock } from './text-blocks';

/** Text per scan request (UTF-16 code units): keeps each message and each reply small. */
const BATCH_CHARS = 200_000;
const batches = (blocks: readonly TextBlock[]) => inBatches(blocks, BATCH_CHARS);
/** Performance mark set when the first mentions of a full scan are painted (benchmarks read it). */
const FIRST_HIGHLIGHT_MARK = 'backstory:first-highlight';
/** Performance mark set when a full scan has painted everything near the reader (benchmarks read it). */
const SCAN_DONE_MARK = 'backstory:scan-done';
/** Performance measure of one round trip of page text to the background and back. */
const ROUND_TRIP_MEASURE = 'backstory:scan-roundtrip';

/** One full scan's walk over the page: resumed each time the reader scrolls near where it stopped. */
interface Walk {
  generation: number;
  collector: TextBlockCollector;
  shadows: ShadowRootFinder;
  /** Reads of this walk run one after another. */
  queue: Promise<unknown>;
  /** Stops waiting for the reader to come near (set while waiting). */
  stopWatching?: () => void;
  /** What the previous scan painted stays until this one's first answer is in. */
  cleared: boolean;
  painted: boolean;
}

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
 * them: what is on screen first, then the screen below it when the browser is idle, and
 * the rest of the page only as the reader scrolls near it (or when the whole page is
 * asked for: the popup's list, the keyboard's steps). Every piece of work is a slice short
 * enough never to make a long task. Matching runs in the background, so a tab holds no
 * copy of the matcher.
 */
export class PageScanner {
  private generation = 0;
  /** Visibility of elements holding mentions, asked once per element per full scan. */
  private isShown = visibilityCheck();
  /** The current full scan's walk, while it has not reached the end of the page. */
  private walk: Walk | undefined;

  constructor(private readonly deps: ScannerDeps) {}

  /**
   * Scans the page afresh as far as the reader can see (and a screen below), then waits
   * for the reader to scroll near the rest; a newer call supersedes an older one.
   * Resolves with the number of mentions found in that first part.
   */
  async rescan(): Promise<number> {
    this.stopWalk();
    const generation = ++this.generation;
    const root = document.body ?? document.documentElement;
    // The first read asks where blocks are: after the page's next frame, so its own pending
    // layout is done there and not forced inside our slice (docs/benchmarks.md, "Page").
    const walk: Walk = { generation, collector: this.collector(root), shadows: new ShadowRootFinder(root), queue: afterNextFrame(), cleared: false, painted: false };
    this.walk = walk;
    // On the walk's queue: the popup asking for the whole page meanwhile waits for this first read.
    const found = await this.queued(walk, { toEnd: false });
    if (found === undefined) return 0;
    mark(SCAN_DONE_MARK);
    this.watchFrontier(walk);
    return found;
  }

  /** Reads the rest of the page now (the whole page is asked for); resolves when it is scanned. */
  async finish(): Promise<void> {
    const walk = this.walk;
    if (!walk) return;
    walk.stopWatching?.();
    walk.stopWatching = undefined;
    await this.queued(walk, { toEnd: true });
  }

  /**
   * Rescans only what changed: drops what was found under `roots` (elements whose text
   * changed or was added) and scans them again. Older full scans are not disturbed; text
   * the walk has not reached yet is left to it.
   */
  async rescanRoots(changed: readonly Element[]): Promise<void> {
    const roots = changed.filter((root) => !this.isAhead(root));
    if (roots.length === 0) return;
    // What was hidden may be shown now (a click opened it): ask again, not the walk's answers.
    this.isShown = visibilityCheck();
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
    for (const root of roots) {
      const finder = new ShadowRootFinder(root);
      while (!finder.done) if ((await this.scanShadowRoots(finder, isCurrent, false)) === undefined) return;
    }
  }

  /** Whether `element` lies wholly after where the current walk stopped (it will be read when the walk gets there). */
  private isAhead(element: Element): boolean {
    const next = this.walk?.collector.stoppedBefore;
    if (!next || !next.isConnected) return false;
    const position = element.compareDocumentPosition(next);
    return (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINS) === 0;
  }

  /** Waits for the reader to come near where the walk stopped, then reads on (and waits again). */
  private watchFrontier(walk: Walk): void {
    const next = walk.collector.stoppedBefore;
    if (walk.generation !== this.generation || walk.collector.done || !next?.parentElement || this.deps.index.isFull) return;
    walk.stopWatching = whenNear(next.parentElement, () => {
      walk.stopWatching = undefined;
      // A read that fails (the extension was reloaded under the page) ends the walk quietly.
      void this.queued(walk, { toEnd: false }).then(() => this.watchFrontier(walk), () => undefined);
    });
  }

  private queued(walk: Walk, options: { toEnd: boolean }): Promise<number | undefined> {
    const read = walk.queue.then(() => (walk.collector.done ? undefined : this.readOn(walk, options)));
    walk.queue = read.catch(() => undefined);
    return read;
  }

  private stopWalk(): void {
    this.walk?.stopWatching?.();
    this.walk = undefined;
  }

  /**
   * Walks on from where `walk` stopped to the bottom of the read-ahead region (or to the
   * end), matches what is on screen first and the rest when the browser is idle, then the
   * open shadow roots met on the way. The number of mentions added, or undefined if superseded.
   */
  private async readOn(walk: Walk, { toEnd }: { toEnd: boolean }): Promise<number | undefined> {
    const isCurrent = () => walk.generation === this.generation;
    const { collector } = walk;
    // The page took away the text the walk stopped at: start again from the top.
    if (collector.stoppedBefore?.isConnected === false) return void this.rescan();
    const bottom = toEnd ? Number.POSITIVE_INFINITY : lookaheadBottom();
    const stopBefore = toEnd ? undefined : (node: Text) => isBelowLookahead(node, bottom);
    const blocks: TextBlock[] = [];
    for (;;) {
      const slice = measured(() => collector.collect(deadline(), stopBefore));
      for (const block of slice) blocks.push(block);
      if (collector.done || collector.stoppedBefore) break;
      await yieldToMain();
      if (!isCurrent()) return undefined;
    }
    // What is painted stays until the first answer of a new scan is in: a rescan after a
    // library change must not blank the page (nor the name under the pointer) meanwhile.
    const clearOnce = () => {
      if (walk.cleared) return;
      walk.cleared = true;
      measured(() => {
        this.deps.index.clear();
        this.deps.painter.clear();
      });
      this.isShown = visibilityCheck();
    };
    const isFull = () => walk.cleared && this.deps.index.isFull;
    let found = 0;
    const scan = async (batch: readonly TextBlock[]): Promise<boolean> => {
      if (batch.length === 0 || isFull()) return true;
      const added = await this.scanBlocks(batch, isCurrent, clearOnce);
      if (added === undefined) return false;
      if (!walk.painted && added > 0) mark(FIRST_HIGHLIGHT_MARK);
      walk.painted ||= added > 0;
      found += added;
      return true;
    };
    const inView = toEnd ? { from: 0, to: 0 } : measured(() => viewportSlice(blocks));
    if (!(await scan(blocks.slice(inView.from, inView.to)))) return undefined;
    clearOnce();
    for (const batch of batches([...blocks.slice(0, inView.from), ...blocks.slice(inView.to)])) {
      if (isFull()) break;
      if (!toEnd) await whenIdle();
      if (!isCurrent() || !(await scan(batch))) return undefined;
    }
    // Open shadow roots met on the way: finding them means asking every element, so only up to where the walk is.
    const until = collector.done ? undefined : collector.stoppedBefore;
    while (!walk.shadows.done) {
      const added = await this.scanShadowRoots(walk.shadows, isCurrent, !toEnd, until);
      if (added === undefined) return undefined;
      found += added;
      if (walk.shadows.waiting) break;
    }
    return found;
  }

  /** One slice of `finder`'s search (up to `until`), each open shadow root found scanned whole; undefined if superseded. */
  private async scanShadowRoots(finder: ShadowRootFinder, isCurrent: () => boolean, idle: boolean, until?: Node): Promise<number | undefined> {
    if (idle) await whenIdle();
    else await yieldToMain();
    if (!isCurrent()) return undefined;
    const shadows = measured(() => finder.find(deadline(), until));
    let found = 0;
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
    this.stopWalk();
  }


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
          if (!isUnchanged(batch[i]!)) continue;
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
