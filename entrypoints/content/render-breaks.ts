/**
 * Where the page shows two runs of text apart although nothing separates them in the
 * DOM: "Putin<br>Xi", "Putin<span style="display:block">Xi</span>", inline-block chips
 * side by side. Asked only where two words meet across an element boundary (rare in
 * prose), so the computed style it needs is read for a handful of elements per page.
 */

/** Elements that flow inline (by default): text inside them continues the surrounding block. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL',
  'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);

/** The computed `display` of an element (the caller caches it). */
export type DisplayOf = (element: Element) => string;

/** Display values whose content flows on the line it is in, like plain inline text ('' where an engine computes none). */
const FLOWING = new Set(['inline', 'contents', 'ruby', 'ruby-base', 'none', '']);
/** Elements that are never rendered: whatever their tag, they separate nothing. */
const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'WBR']);

const WORD_START = /^[\p{L}\p{N}\p{M}]/u;
const WORD_END = /[\p{L}\p{N}\p{M}]$/u;

/** Whether `before` ends and `after` starts inside a word: joined, they would read as one. */
export function isWordJoin(before: string, after: string): boolean {
  const last = before.charCodeAt(before.length - 1);
  const first = after.charCodeAt(0);
  if (Number.isNaN(last) || Number.isNaN(first)) return false;
  // Called once per text node: ASCII by char code, the rest by Unicode class.
  const endsWord = last < 128 ? isAsciiWord(last) : WORD_END.test(before.slice(-2));
  if (!endsWord) return false;
  return first < 128 ? isAsciiWord(first) : WORD_START.test(after);
}

function isAsciiWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Whether the page renders a break between text node `a` and the later text node `b`
 * of the same block: an element closed after `a` or opened before `b` that is a box of
 * its own (block, inline-block, flex, table cell…), or something wholly between them
 * that separates words (a <br>, an image, a field; not a <wbr> or an empty <span>).
 */
export function breaksBetween(a: Text, b: Text, display: DisplayOf): boolean {
  let node: Node = a;
  for (;;) {
    // Closing tags after `node`.
    while (!node.nextSibling) {
      const parent = node.parentNode;
      if (!parent || parent.nodeType !== Node.ELEMENT_NODE) return false;
      if (isOwnBox(parent as Element, display)) return true;
      node = parent;
    }
    let next: Node = node.nextSibling;
    // Opening tags on the way down to `b`; stop at anything wholly between.
    while (next !== b && next.nodeType === Node.ELEMENT_NODE && next.contains(b)) {
      if (isOwnBox(next as Element, display)) return true;
      next = next.firstChild!;
    }
    if (next === b) return false;
    if (next.nodeType === Node.ELEMENT_NODE && separates(next as Element, display)) return true;
    node = next;
  }
}

/** An inline-tagged element on the path between two texts: apart if styled as a box of its own. */
function isOwnBox(element: Element, display: DisplayOf): boolean {
  return !FLOWING.has(display(element));
}

/** An element wholly between two texts: whether words on either side of it read apart. */
function separates(element: Element, display: DisplayOf): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BR') return true;
  if (NOT_RENDERED.has(tag)) return false;
  const shown = display(element);
  if (shown === 'none') return false;
  // A block, or a replaced element (an image, a field) sitting in the line.
  return !INLINE_ELEMENTS.has(tag) || !FLOWING.has(shown);
}
