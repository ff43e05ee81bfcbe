import type { HoverController } from './hover-controller';
import type { PageMention } from './mention-index';
import type { Popover } from './lazy-popover';

/**
 * A tap on a touch screen, as the browser reports it: a click. Only a tap ends in a click;
 * a press that becomes a scroll, a pinch or a long-press selection does not, so acting
 * here leaves those to the browser untouched.
 *
 * - A tap on a name opens its card (pinned, focus inside).
 * - A name inside a link: the first tap opens the card and is the one tap consumed
 *   (`preventDefault`, so the link is not followed yet); a second tap on the same name,
 *   its card open, closes the card and lets the link do what it does. The link stays the
 *   page's own (its handlers, its target, its long-press menu): an "Open link" button in
 *   the card could only imitate it. Mobile browsers treat content shown on hover the same way.
 * - A tap anywhere else closes an open card and goes on to whatever it landed on.
 * - A tap inside the card is the card's own (it is already pinned).
 */
export function handleTap(hover: HoverController, popover: Popover, event: MouseEvent): void {
  if (popover.isOpen && popover.contains(event)) return;
  const mention = hover.mentionAt(event.clientX, event.clientY);
  if (!mention) {
    if (popover.isOpen) hover.close();
    return;
  }
  const link = linkAround(mention);
  if (mention === hover.currentMention) {
    if (link) hover.close(); // The second tap: the link is followed.
    return;
  }
  hover.openFromTap(mention, { x: event.clientX, y: event.clientY });
  if (link) event.preventDefault();
}

/** The link (or image-map area) a name sits in, if any, across open shadow roots. */
function linkAround(mention: PageMention): Element | undefined {
  let node: Node | null = mention.range.startContainer;
  while (node) {
    if (node instanceof Element && node.matches('a[href], area[href]')) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
