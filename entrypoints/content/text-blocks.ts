import { breaksBetween, INLINE_ELEMENTS, isWordJoin } from './render-breaks';

/**
 * Finds the page's text as blocks, the way it renders: runs of text nodes under the
 * same block-level element, concatenated with the whitespace between them, so a name
 * split by inline markup ("<b>Vladimir</b> <i>Putin</i>") is still one string, while
 * text the page shows apart (other blocks, a <br>, an inline-block chip) never runs
 * together. Open shadow roots are found separately (shadow-roots.ts) and walked as
 * roots of their own.
 */

export interface TextBlock {
  /** The text nodes of the block, in document order. */
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

/** Elements whose text is never page prose, or not ours to touch. */
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'BUTTON', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT',
]);

/** Code: skipped unless the `scanCodeBlocks` setting asks for it (identifiers are rarely names). */
const CODE_ELEMENTS = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);


export interface CollectOptions {
  /** Our own UI hosts: never scanned. */
  exclude?: readonly Element[];
  /** Scan pre, code, kbd and samp too. */
  scanCodeBlocks?: boolean;
}

/** What the walk knows about an element: whether its text is skipped, and which block it flows into. */
interface ElementStatus {
  skip: boolean;
  block: Element | undefined;
}

const SKIP: ElementStatus = { skip: true, block: undefined };
const NON_SPACE = /\S/u;

/**
 * A resumable walk over the text under one root: `collect` does a slice of the work and
 * returns, so a long page never blocks the main thread in one long task.
 *
 * Speed matters here (a long page has 50k text nodes): the walker visits text nodes
 * only, natively, and what each element means (skipped? which block?) is worked out
 * once per element and cached. Visibility is not checked here: checking it costs about
 * 4 µs an element, so it is checked later, only where a name was found.
 */
export class TextBlockCollector {
  private readonly walker: TreeWalker;
  private readonly status = new Map<Element, ElementStatus>();
  private readonly displays = new Map<Element, string>();
  /** Whitespace-only text met since the last text of the current block. */
  private readonly pendingSpace: Text[] = [];
  private current: TextBlock | undefined;
  private currentBlockElement: Element | undefined;
  private finished = false;
  /** The text node a block was about to start with when `stopBefore` said stop: read first on resuming. */
  private held: Text | undefined;

  constructor(
    root: Node,
    private readonly options: CollectOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  get done(): boolean {
    return this.finished;
  }

  /** Where the walk stopped because `stopBefore` said so: the first text node of the next block. */
  get stoppedBefore(): Text | undefined {
    return this.held;
  }

  /**
   * Walks until `shouldYield()` says stop (checked every few nodes) or the text is
   * exhausted; returns the blocks completed in this slice. `stopBefore`, asked where a
   * new block would start, stops the walk at that block boundary (the walk resumes there),
   * so a stop never cuts a block in two.
   */
  collect(shouldYield: () => boolean = () => false, stopBefore?: (firstNode: Text) => boolean): TextBlock[] {
    const blocks: TextBlock[] = [];
    let sinceCheck = 0;
    while (!this.finished) {
      if (++sinceCheck >= CHECK_EVERY_NODES) {
        sinceCheck = 0;
        if (shouldYield()) return blocks;
      }
      const node = this.held ?? (this.walker.nextNode() as Text | null);
      this.held = undefined;
      if (!node) {
        this.finished = true;
        this.closeBlock(blocks);
        break;
      }
      const data = node.data;
      // Whitespace between inline elements separates words ("<a>Putin</a> <b>met</b>"):
      // kept inside a block, never the start of one. Most whitespace lies between blocks
      // (indentation), so what it belongs to is only worked out once the next text shows
      // that the block goes on.
      if (!NON_SPACE.test(data)) {
        if (this.current) this.pendingSpace.push(node);
        continue;
      }
      const parent = node.parentElement;
      const status = parent ? this.statusOf(parent) : undefined;
      if (status?.skip) continue;
      const blockElement = status?.block;
      const sameBlock = !!this.current && blockElement === this.currentBlockElement;
      if (sameBlock) for (const space of this.pendingSpace) if (this.isInCurrentBlock(space)) this.append(space);
      this.pendingSpace.length = 0;
      // Two words meeting with nothing between them in the DOM may still be apart on screen.
      const breaks = sameBlock && isWordJoin(this.current!.text, data) && breaksBetween(this.current!.nodes.at(-1)!, node, this.display);
      if (!sameBlock || breaks) {
        if (stopBefore?.(node)) {
          this.held = node;
          this.closeBlock(blocks);
          return blocks;
        }
        this.closeBlock(blocks);
        this.current = { nodes: [], starts: [], text: '' };
        this.currentBlockElement = blockElement;
      }
      this.append(node);
    }
    return blocks;
  }

  private isInCurrentBlock(node: Text): boolean {
    const parent = node.parentElement;
    const status = parent ? this.statusOf(parent) : undefined;
    return !!status && !status.skip && status.block === this.currentBlockElement;
  }

  private append(node: Text): void {
    const block = this.current!;
    block.starts.push(block.text.length);
    block.nodes.push(node);
    block.text += node.data;
  }

  /** Computed display, asked only where two words meet across an element boundary, cached per element. */
  private readonly display = (element: Element): string => {
    let display = this.displays.get(element);
    if (display === undefined) {
      const view = element.ownerDocument.defaultView;
      display = view ? view.getComputedStyle(element).display : 'inline';
      this.displays.set(element, display);
    }
    return display;
  };

  private closeBlock(into: TextBlock[]): void {
    this.pendingSpace.length = 0;
    if (this.current && this.current.nodes.length > 0) into.push(this.current);
    this.current = undefined;
    this.currentBlockElement = undefined;
  }

  private statusOf(element: Element): ElementStatus {
    let status = this.status.get(element);
    if (status) return status;
    if (!isScannable(element, this.options)) status = SKIP;
    else {
      const parent = element.parentElement;
      const above = parent ? this.statusOf(parent) : undefined;
      if (above?.skip) status = SKIP;
      else {
        const inline = INLINE_ELEMENTS.has(element.tagName.toUpperCase()) && above?.block !== undefined;
        status = { skip: false, block: inline ? above.block : element };
      }
    }
    this.status.set(element, status);
    return status;
  }
}

/** Whether a block's text nodes are all still in the page, each with as many characters as when it was read. */
export function isUnchanged(block: TextBlock): boolean {
  return block.nodes.every((node, n) => {
    const end = n + 1 < block.starts.length ? block.starts[n + 1]! : block.text.length;
    return node.isConnected && node.data.length === end - block.starts[n]!;
  });
}

/** Blocks in runs of at most `maxChars` characters (a longer block goes alone). */
export function* inBatches(blocks: readonly TextBlock[], maxChars: number): Generator<TextBlock[]> {
  let batch: TextBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size + block.text.length > maxChars && batch.length > 0) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(block);
    size += block.text.length;
  }
  if (batch.length > 0) yield batch;
}

/** How many nodes the walk visits between two looks at the clock. */
const CHECK_EVERY_NODES = 64;

/**
 * The text blocks under `root`, all at once: the tests' view of what a scan reads.
 * @internal
 */
export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  return new TextBlockCollector(root, options).collect();
}

/** Whether the text inside `element` may be scanned at all (ignoring visibility and ancestors). */
function isScannable(element: Element, options: Pick<CollectOptions, 'exclude' | 'scanCodeBlocks'> = {}): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_ELEMENTS.has(tag) || options.exclude?.includes(element)) return false;
  if (!options.scanCodeBlocks && CODE_ELEMENTS.has(tag)) return false;
  // The attribute, not isContentEditable: that one asks for computed style, about 1 µs an
  // element on a long page. Descendants of an editing host are skipped through their ancestor.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return false;
  return element.getAttribute('aria-hidden') !== 'true';
}

/** The element whose block a node's text belongs to: the nearest non-inline ancestor. */
export function blockAncestor(element: Element): Element {
  let el: Element = element;
  while (INLINE_ELEMENTS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * Whether a node lies where text is never scanned: inside a skipped element, an editable
 * field or our own UI (checked on the way up, across shadow boundaries).
 */
export function isInsideUnscannable(node: Node, options: Pick<CollectOptions, 'exclude' | 'scanCodeBlocks'> = {}): boolean {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && !isScannable(current as Element, options)) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
