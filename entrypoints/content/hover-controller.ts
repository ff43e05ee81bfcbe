import type { PopoverContent } from '../../components/EntityPopover';
import type { EntityCard, RelatedEntity } from '../../lib/kb/entity-card';
import type { MentionMarks } from './mention-marks';
import { CardCache } from './card-cache';
import { caretAt, rectUnderPoint } from './hit-test';
import type { MentionIndex, PageMention } from './mention-index';
import { mark } from './main-thread';
import type { Popover } from './lazy-popover';

/** Performance mark set on the frame a popover's content is shown in (benchmarks read it). */
const POPOVER_READY_MARK = 'backstory:popover-ready';

/** Grace period to travel from the name to the popover, or to come back, before it closes (ms). */
const ABANDON_MS = 350;

export interface HoverDeps {
  index: MentionIndex;
  marks: MentionMarks;
  popover: Popover;
  loadCards(entityKeys: readonly string[]): Promise<EntityCard[]>;
  /** Hover intent before opening (the `hoverDelayMs` setting), read at each hover. */
  hoverDelayMs(): number;
  /** Open shadow roots holding mentions, for hit-testing inside them. */
  shadowRoots(): readonly ShadowRoot[];
}

/**
 * Turns pointer and keys into popover intent: finds the mention under the pointer by
 * hit-testing (no listeners on the page's elements), opens after a short rest, stays
 * open while the pointer is on the name or the popover, opens pinned (or pins) on a
 * click, and leaves on Esc, the close button, an outside click, or (unpinned) when the
 * pointer moves away. Hover never takes keyboard focus; a popover opened from the
 * keyboard takes it and gives it back on close. Only the user's own input counts: events
 * a page's script made (`isTrusted` false) open, pin, fetch and mark nothing.
 */
export class HoverController {
  private frame = 0;
  private lastPoint: { x: number; y: number; overPopover: boolean } | undefined;
  private intent: { mention: PageMention; timer: number } | undefined;
  private closeTimer = 0;
  private openMention: PageMention | undefined;
  private pinned = false;
  private returnFocus: Element | null = null;
  private request = 0;
  private readonly cards: CardCache;
  /** What the open popover shows, and the cards it came from through related names (for Back). */
  private shown: PopoverContent | undefined;
  private trail: PopoverContent[] = [];

  constructor(private readonly deps: HoverDeps) {
    this.cards = new CardCache(deps.loadCards);
  }

  /** Forgets cached cards (the knowledge base changed). */
  clearCache(): void {
    this.cards.clear();
  }

  get isOpen(): boolean {
    return this.deps.popover.isOpen;
  }

  /** The mention whose popover is open. */
  get currentMention(): PageMention | undefined {
    return this.openMention;
  }

  onPointerMove(event: PointerEvent): void {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    this.lastPoint = { x: event.clientX, y: event.clientY, overPopover: this.deps.popover.contains(event) };
    // One hit test per frame, whatever the event rate.
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.lastPoint) this.sample(this.lastPoint);
    });
  }

  /** A press in this document: on a name, opens its card pinned (or pins it); elsewhere, closes. */
  onPointerDown(event: PointerEvent): void {
    if (!event.isTrusted) return;
    if (this.deps.popover.isOpen && this.deps.popover.contains(event)) {
      this.pin();
      return;
    }
    const mention = this.mentionAt(event.clientX, event.clientY);
    if (mention && mention === this.openMention) this.pin();
    else if (mention) this.openAt(mention, { x: event.clientX, y: event.clientY }, { pinned: true });
    else if (this.deps.popover.isOpen) this.close();
  }

  /**
   * The pointer moving in the document that shows the popover when that is not this one
   * (a frame's card in the top document): this frame no longer sees the pointer, so
   * anywhere but on the card counts as having left the name.
   */
  onHostDocumentPointerMove(event: PointerEvent): void {
    if (!event.isTrusted || !this.openMention) return;
    if (this.deps.popover.contains(event)) this.cancelClose();
    else if (!this.pinned) this.scheduleClose();
  }

  /**
   * A press in the document that shows the popover when that is not this one (a frame's
   * card shown in the top document): on the popover pins it, anywhere else closes it.
   */
  onHostDocumentPointerDown(event: PointerEvent): void {
    if (!event.isTrusted || !this.deps.popover.isOpen) return;
    if (this.deps.popover.contains(event)) this.pin();
    else this.close();
  }

  /** Esc closes; returns whether the key was ours. */
  onEscape(): boolean {
    if (!this.deps.popover.isOpen) return false;
    this.close();
    return true;
  }

  onPopoverPointerEnter(): void {
    this.cancelClose();
  }

  onPopoverPointerLeave(): void {
    // Esc or × removes the card under the pointer, and the browser then reports the pointer
    // leaving it: with nothing open, that must not schedule a close of the next card.
    if (this.openMention && !this.pinned) this.scheduleClose();
  }

  /** Opens the popover for a mention chosen with the keyboard: pinned, with focus inside. */
  openFromKeyboard(mention: PageMention): void {
    const active = document.activeElement;
    this.cancelIntent();
    this.openAt(mention, undefined, { pinned: true });
    this.returnFocus = active;
    this.deps.popover.focus();
  }

  /** Shows a related entity's card in place of the open one, pinned (the user chose it); Back returns. */
  openRelated(entity: RelatedEntity): void {
    const from = this.shown;
    if (!this.deps.popover.isOpen || !from) return;
    this.pin();
    this.trail.push(from);
    const back = viewName(from, this.openMention?.text);
    const request = ++this.request;
    this.display({ status: 'loading', name: entity.name, back });
    // The chosen name's button is gone: focus goes to Back, where a keyboard user continues.
    this.deps.popover.focus('.bs-popover__back');
    void this.contentFor([entity.key]).then((content) => request === this.request && this.display({ ...content, back }));
  }

  /** Back to the card a related name was opened from, with focus on that name. */
  back(): void {
    const previous = this.trail.pop();
    if (!previous) return;
    this.request++;
    const left = this.shown?.status === 'ready' ? this.shown.cards[0]?.key : undefined;
    this.display(previous);
    this.deps.popover.focus(left ? `[data-related-key="${CSS.escape(left)}"]` : undefined);
  }

  close(): void {
    this.cancelIntent();
    this.cancelClose();
    this.request++;
    this.shown = undefined;
    this.trail = [];
    this.openMention = undefined;
    this.pinned = false;
    this.deps.marks.setActive(undefined);
    const hadFocus = this.deps.popover.hasFocus();
    this.deps.popover.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    // Focus goes back where it was, but only if it was still ours to give.
    if (hadFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.close();
    this.deps.popover.dispose();
  }

  /** Keeps the open popover until Esc, its close button or a click elsewhere. */
  pin(): void {
    if (this.pinned) return;
    this.pinned = true;
    this.cancelClose();
    this.deps.popover.setPinned(true);
  }

  private sample({ x, y, overPopover }: { x: number; y: number; overPopover: boolean }): void {
    if (overPopover) {
      this.cancelClose();
      return;
    }
    if (this.pinned) return;
    const mention = this.mentionAt(x, y);
    if (mention && mention === this.openMention) {
      this.cancelClose();
      this.cancelIntent();
      return;
    }
    if (!mention) {
      this.cancelIntent();
      if (this.openMention) this.scheduleClose();
      return;
    }
    if (this.intent?.mention === mention) return;
    this.cancelIntent();
    void this.cards.get(mention.entityKeys).catch(() => undefined);
    this.deps.popover.prepare(mention.range.startContainer.parentElement ?? undefined);
    const timer = window.setTimeout(() => this.openAt(mention, { x, y }), this.deps.hoverDelayMs());
    this.intent = { mention, timer };
  }

  private mentionAt(x: number, y: number): PageMention | undefined {
    const caret = caretAt(x, y, this.deps.shadowRoots());
    if (!caret) return undefined;
    const mention = this.deps.index.at(caret.node, caret.offset);
    return mention && rectUnderPoint(mention.range, x, y) ? mention : undefined;
  }

  private openAt(mention: PageMention, point: { x: number; y: number } | undefined, options: { pinned?: boolean } = {}): void {
    this.cancelIntent();
    this.cancelClose();
    this.openMention = mention;
    this.pinned = options.pinned ?? false;
    this.deps.marks.setActive(mention.range);
    const rects = [...mention.range.getClientRects()];
    const hit = point ? rects.findIndex((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom) : 0;
    const rectIndex = Math.max(0, hit);
    const anchor = {
      rect: () => mention.range.getClientRects()[rectIndex] ?? mention.range.getBoundingClientRect(),
      contextElement: mention.range.startContainer.parentElement ?? undefined,
    };
    this.trail = [];
    this.shown = { status: 'loading', name: mention.text };
    this.deps.popover.show(this.shown, anchor, { pinned: this.pinned });

    // The newest request wins: a slower answer for an older one is dropped.
    const request = ++this.request;
    void this.contentFor(mention.entityKeys).then((content) => {
      if (request !== this.request) return;
      this.display(content);
      // The frame that shows it: what "hover to visible popover" measures up to.
      requestAnimationFrame(() => mark(POPOVER_READY_MARK));
    });
  }

  private contentFor(entityKeys: readonly string[]): Promise<PopoverContent> {
    return this.cards.get(entityKeys)
      .then((cards): PopoverContent =>
        cards.length > 0 ? { status: 'ready', cards } : { status: 'error', message: 'This name is no longer in your library.' },
      )
      .catch((): PopoverContent => ({ status: 'error', message: 'Backstory could not look this up. Reload the page to try again.' }));
  }

  private display(content: PopoverContent): void {
    this.shown = content;
    this.deps.popover.update(content);
  }

  private scheduleClose(): void {
    if (this.closeTimer) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      this.close();
    }, ABANDON_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private cancelIntent(): void {
    if (this.intent) clearTimeout(this.intent.timer);
    this.intent = undefined;
  }
}

/** How Back names a card: its entity, or the name on the page when it lists several candidates. */
function viewName(content: PopoverContent, pageText: string | undefined): string {
  if (content.status === 'ready' && content.cards.length === 1) return content.cards[0]!.name;
  if (content.status === 'loading') return content.name;
  return pageText ?? 'the previous card';
}
