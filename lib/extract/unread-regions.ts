/**
 * Regions of a page that are not the article a reader sees: editable drafts, form
 * fields and hidden elements. Highlighting skips them (entrypoints/content/text-blocks.ts);
 * saving must too, so they are removed from Readability's copy of the document.
 */

/** Form fields and editable regions, whatever their styling. */
const UNREAD_SELECTOR = [
  'textarea',
  'input',
  'select',
  '[contenteditable]:not([contenteditable="false" i])',
  '[hidden]',
  '[aria-hidden="true"]',
].join(',');

/**
 * Removes from `copy` (a deep clone of `original`) every element that is editable, a form
 * field or not rendered in `original`. The two documents are walked in lockstep: a clone
 * has the same elements in the same order, and only the original knows its styles.
 */
export function removeUnreadRegions(original: Document, copy: Document): void {
  if (!original.body || !copy.body) return;
  const source = original.body.querySelectorAll('*');
  const target = copy.body.querySelectorAll('*');
  if (source.length !== target.length) return;
  const rendered = original.documentElement.getClientRects().length > 0;
  const doomed: Element[] = [];
  for (let i = 0; i < source.length; i++) {
    if (isUnread(source[i]!, rendered)) doomed.push(target[i]!);
  }
  // Removing a node inside an already removed one is harmless; the list stays valid.
  for (const element of doomed) element.remove();
}

/** Never rendered, but Readability reads them (JSON-LD) or drops them itself. */
const INVISIBLE_BY_NATURE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** `rendered`: the page has layout, so `checkVisibility` can be believed (a DOMParser document has none). */
function isUnread(element: Element, rendered: boolean): boolean {
  if (INVISIBLE_BY_NATURE.has(element.tagName.toUpperCase())) return false;
  if (element.matches(UNREAD_SELECTOR)) return true;
  const view = element.ownerDocument.defaultView;
  if (!view || !(element instanceof view.HTMLElement)) return false;
  // Only the inline style is trusted where nothing is rendered (unit tests, the pack builder).
  if (element.style.display === 'none' || element.style.visibility === 'hidden') return true;
  if (!rendered || typeof element.checkVisibility !== 'function' || element.checkVisibility()) return false;
  // `display: contents` has no box of its own, so checkVisibility says no, yet its children show.
  return view.getComputedStyle(element).display !== 'contents';
}
