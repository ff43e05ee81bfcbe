/**
 * Finds the page's visible text as blocks: runs of text nodes under the same block-level
 * element, concatenated, so a name split by inline markup ("Vladimir <b>Putin</b>") is
 * still one string, while text in different blocks never runs together. Open shadow
 * roots are walked too (after the tree that hosts them).
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

/** Elements that flow inline: text inside them continues the surrounding block. */
const INLINE_ELEMENTS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL',
  'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);

export interface CollectOptions {
  /** Our own UI host: never scanned. */
  exclude?: Element;
  /** Scan pre, code, kbd and samp too. */
  scanCodeBlocks?: boolean;
  /** Called for every open shadow root met on the way (to watch and style it). */
  onShadowRoot?(root: ShadowRoot): void;
}

/**
 * A resumable walk over the visible text under one root: `collect` does a slice of the
 * work and returns, so a long page never blocks the main thread in one long task.
 */
export class TextBlockCollector {
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  private readonly visibility = new WeakMap<Element, boolean>();
  private current: TextBlock | undefined;
  private currentBlockElement: Element | undefined;
  private finished = false;

  constructor(
    root: Node,
    private readonly options: CollectOptions = {},
  ) {
    this.roots = [root];
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * Walks until `shouldYield()` says stop (checked every few nodes) or the text is
   * exhausted; returns the blocks completed in this slice.
   */
  collect(shouldYield: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    let sinceCheck = 0;
    while (!this.finished) {
      if (++sinceCheck >= CHECK_EVERY_NODES) {
        sinceCheck = 0;
        if (shouldYield()) return blocks;
      }
      const node = this.nextText();
      if (!node) {
        this.closeBlock(blocks);
        continue;
      }
      const parent = node.parentElement;
      if (!parent || !this.isVisible(parent)) continue;
      const blockElement = blockAncestor(parent);
      if (!this.current || blockElement !== this.currentBlockElement) {
        this.closeBlock(blocks);
        this.current = { nodes: [], starts: [], text: '' };
        this.currentBlockElement = blockElement;
      }
      this.current.starts.push(this.current.text.length);
      this.current.nodes.push(node);
      this.current.text += node.data;
    }
    return blocks;
  }

  private closeBlock(into: TextBlock[]): void {
    if (this.current && this.current.nodes.length > 0) into.push(this.current);
    this.current = undefined;
    this.currentBlockElement = undefined;
  }

  /** The next text node; undefined at the end of one root's tree (a block boundary). */
  private nextText(): Text | undefined {
    if (!this.walker) {
      const root = this.roots.shift();
      if (!root) {
        this.finished = true;
        return undefined;
      }
      this.walker = this.createWalker(root);
    }
    const node = this.walker.nextNode();
    if (node) return node as Text;
    this.walker = undefined;
    if (this.roots.length === 0) this.finished = true;
    return undefined;
  }

  private createWalker(root: Node): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document);
    const { exclude, scanCodeBlocks, onShadowRoot } = this.options;
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          return /\S/u.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        const element = node as Element;
        if (!isScannable(element, { exclude, scanCodeBlocks })) return NodeFilter.FILTER_REJECT;
        // Only open shadow roots are visible from a content script, as they should be.
        const shadow = element.shadowRoot;
        if (shadow) {
          this.roots.push(shadow);
          onShadowRoot?.(shadow);
        }
        return NodeFilter.FILTER_SKIP;
      },
    });
  }

  private isVisible(element: Element): boolean {
    let visible = this.visibility.get(element);
    if (visible === undefined) {
      // checkVisibility answers from computed style: display:none, content-visibility, visibility.
      visible = typeof element.checkVisibility === 'function'
        ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
        : true;
      this.visibility.set(element, visible);
    }
    return visible;
  }
}

/** How many nodes the walk visits between two looks at the clock. */
const CHECK_EVERY_NODES = 64;

/** The visible text blocks under `root`, all at once (tests and small subtrees). */
export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  return new TextBlockCollector(root, options).collect();
}

/** Whether the text inside `element` may be scanned at all (ignoring visibility). */
export function isScannable(element: Element, options: Pick<CollectOptions, 'exclude' | 'scanCodeBlocks'> = {}): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_ELEMENTS.has(tag) || element === options.exclude) return false;
  if (!options.scanCodeBlocks && CODE_ELEMENTS.has(tag)) return false;
  if ((element as HTMLElement).isContentEditable || element.getAttribute('aria-hidden') === 'true') return false;
  return true;
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
