import { measured, whenIdle } from './main-thread';
import { INLINE_ELEMENTS } from './render-breaks';
import { blockAncestor, isInsideUnscannable } from './text-blocks';

/** Quiet time after a change before it is scanned, when the page changes rarely (ms). */
const MIN_DELAY_MS = 150;
/** Longest wait for a page that never stops changing (a ticker): scanned at most this often (ms). */
const MAX_DELAY_MS = 4000;
/** Changes again within this long after the wait ended count as a busy page: the wait doubles (ms). */
const BUSY_WINDOW_MS = 1500;
/** Past this many changed places, rescanning the whole page is cheaper than sorting them out. */
const MAX_ROOTS = 300;

export interface DomChanges {
  /** Elements whose text was added or changed: rescan them. */
  roots: Element[];
  /** Whether nodes left the page (their mentions must go). */
  removed: boolean;
  /** Too much changed to track piecemeal. */
  everything: boolean;
}

export interface DomWatcherOptions {
  /** Our own UI: its changes are ignored. */
  ownHosts: readonly Element[];
  scanCodeBlocks(): boolean;
  onChanges(changes: DomChanges): Promise<void>;
}

/**
 * Watches the page (and every open shadow root it is told about) for text that appears,
 * changes or goes, and hands the changes over in batches. The MutationObserver callback
 * only records nodes; sorting them out waits for a quiet moment, and a page that keeps
 * changing is looked at less and less often, so a ticker never keeps a core busy.
 */
export class DomWatcher {
  private readonly observer: MutationObserver;
  private pendingRoots = new Set<Node>();
  private pendingRemoved = false;
  private timer = 0;
  private delayMs = MIN_DELAY_MS;
  private lastFlush = 0;
  private flushing = false;
  private stopped = true;

  constructor(private readonly options: DomWatcherOptions) {
    this.observer = new MutationObserver((records) => this.record(records));
  }

  start(): void {
    this.stopped = false;
    this.observer.observe(document.documentElement, OBSERVE);
  }

  /** Follows an open shadow root too: observers do not cross shadow boundaries. */
  watchShadowRoot(root: ShadowRoot): void {
    if (!this.stopped) this.observer.observe(root, OBSERVE);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = 0;
    this.pendingRoots.clear();
    this.pendingRemoved = false;
  }

  private record(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.pendingRoots.add(record.target);
      else if (record.type === 'attributes') {
        // Text shown by a click (<details open>, a [hidden] panel, a tab's class or style):
        // it was skipped while hidden, so the element is read again. Not the page's root
        // elements, whose classes change with themes and scrolling; not empty elements.
        const element = record.target as Element;
        if (element !== document.documentElement && element !== document.body && element.firstChild) this.pendingRoots.add(element);
      } else {
        for (const node of record.addedNodes) this.pendingRoots.add(node);
        if (record.removedNodes.length > 0) {
          this.pendingRemoved = true;
          // Inside a block, what stays may now read differently ("A <b>B</b> C" minus <b>);
          // a container that lost a child block (a feed dropping old items) needs no rescan.
          const target = record.target;
          if (target.nodeType === Node.ELEMENT_NODE && (blockAncestor(target as Element) !== target || [...record.removedNodes].some(isInlineContent))) {
            this.pendingRoots.add(target);
          }
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.flushing || this.stopped) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      void whenIdle().then(() => this.flush());
    }, this.delayMs);
  }

  private async flush(): Promise<void> {
    if (this.stopped) return;
    const now = performance.now();
    // Back off while the page keeps changing; come back to quick once it settles.
    const busy = now - this.lastFlush < this.delayMs + BUSY_WINDOW_MS;
    this.delayMs = busy ? Math.min(MAX_DELAY_MS, this.delayMs * 2) : MIN_DELAY_MS;
    this.lastFlush = now;
    const changes = measured(() => this.takeChanges());
    if (changes.roots.length > 0 || changes.removed || changes.everything) {
      this.flushing = true;
      try {
        await this.options.onChanges(changes);
      } finally {
        this.flushing = false;
      }
    }
    if (this.pendingRoots.size > 0 || this.pendingRemoved) this.schedule();
  }

  private takeChanges(): DomChanges {
    const nodes = this.pendingRoots;
    const removed = this.pendingRemoved;
    this.pendingRoots = new Set();
    this.pendingRemoved = false;
    if (nodes.size > MAX_ROOTS * 4) return { roots: [], removed, everything: true };

    const filter = { exclude: this.options.ownHosts, scanCodeBlocks: this.options.scanCodeBlocks() };
    const candidates = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!element || isInsideUnscannable(element, filter)) continue;
      // Text joins its block: rescan the whole block it belongs to.
      candidates.add(node.nodeType === Node.ELEMENT_NODE && element === blockAncestor(element) ? element : blockAncestor(element));
    }
    if (candidates.size > MAX_ROOTS) return { roots: [], removed, everything: true };
    // Keep the outermost: a root inside another is rescanned with it.
    const roots = [...candidates].filter((el) => ![...candidates].some((other) => other !== el && other.contains(el)));
    return { roots, removed, everything: false };
  }
}

/** Text, or an inline element: a piece of the block it was in, whose other text now reads differently. */
function isInlineContent(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return true;
  return node.nodeType === Node.ELEMENT_NODE && INLINE_ELEMENTS.has((node as Element).tagName.toUpperCase());
}

/** The attributes that show or hide text: what a click on a summary, a tab or a "more" button changes. */
const REVEALING_ATTRIBUTES = ['open', 'hidden', 'class', 'style', 'aria-hidden', 'aria-expanded'];
const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true, attributeFilter: REVEALING_ATTRIBUTES };
