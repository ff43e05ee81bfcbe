import type { PageMention } from './mention-index';
import type { Popover } from './lazy-popover';

/**
 * Keyboard focus around a card opened by the keyboard, a click or a tap: it moves into
 * the card (so the card is next in the Tab order, not last on the page) and, when the
 * card closes while it still has focus, goes back to the element that had it (the link the
 * name is in, say). A name in plain text cannot take focus: it takes the keyboard's mark
 * instead, so Enter reopens it and the step commands go on from it.
 */
export class FocusReturn {
  private element: Element | null = null;
  private mention: PageMention | undefined;

  constructor(
    private readonly popover: Popover,
    private readonly markName: (mention: PageMention) => void,
  ) {}

  /** Moves focus into the open card, about `mention`, remembering where to give it back; `ring`: when the keyboard opened it. */
  enter(mention: PageMention | undefined, { ring }: { ring: boolean }): void {
    const active = document.activeElement;
    // The card's own host is no place to come back to (a second card opened from the first).
    if (active !== this.popover.host) this.element = active;
    this.mention = mention;
    this.popover.focus(undefined, { ring });
  }

  /** The card is closing: gives focus back if it was still ours to give. */
  leave(cardHadFocus: boolean): void {
    const { element, mention } = this;
    this.element = null;
    this.mention = undefined;
    if (!cardHadFocus) return;
    if (element instanceof HTMLElement && element.isConnected && element !== element.ownerDocument.body) element.focus({ preventScroll: true });
    else if (mention?.range.startContainer.isConnected) this.markName(mention);
  }
}
