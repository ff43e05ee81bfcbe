/**
 * Finds the page's visible text as blocks: runs of text nodes under the same block-level
 * element, concatenated, so a name split by inline markup ("Vladimir <b>Putin</b>") is
 * still one string, while text in different blocks never runs together.
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
  'BUTTON', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP',
]);

/** Elements that flow inline: text inside them continues the surrounding block. */
const INLINE_ELEMENTS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL',
  'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);

export interface CollectOptions {
  /** Our own UI host: never scanned. */
  exclude?: Element;
}

/** The visible text blocks under `root`. */
export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const visibility = new WeakMap<Element, boolean>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        return /\S/u.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      const element = node as Element;
      if (SKIPPED_ELEMENTS.has(element.tagName.toUpperCase()) || element === options.exclude) return NodeFilter.FILTER_REJECT;
      if ((element as HTMLElement).isContentEditable || element.getAttribute('aria-hidden') === 'true') return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });

  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let currentBlockElement: Element | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent || !isVisible(parent, visibility)) continue;
    const blockElement = blockAncestor(parent);
    if (!current || blockElement !== currentBlockElement) {
      current = { nodes: [], starts: [], text: '' };
      currentBlockElement = blockElement;
      blocks.push(current);
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  return blocks;
}

function blockAncestor(element: Element): Element {
  let el: Element = element;
  while (INLINE_ELEMENTS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

function isVisible(element: Element, cache: WeakMap<Element, boolean>): boolean {
  let visible = cache.get(element);
  if (visible === undefined) {
    // checkVisibility answers from computed style: display:none, content-visibility, visibility.
    visible = typeof element.checkVisibility === 'function'
      ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
      : true;
    cache.set(element, visible);
  }
  return visible;
}
