import type { PopoverContent } from '../../components/EntityPopover';
import type { EntityCard, RelatedEntity } from '../../lib/kb/entity-card';
import type { MentionMarks } from './mention-marks';
import { CardCache, viewName } from './card-cache';
import { FocusReturn } from './focus-return';
import { caretAt, rectUnderPoint } from './hit-test';
import type { MentionIndex, PageMention } from './mention-index';
import { mark } from './main-thread';
import type { Popover } from './lazy-popover';
import { handleTap } from './touch-taps';

/** Performance mark set on the frame a popover's content is shown in (benchmarks read it). */
const POPOVER_READY_MARK = 'backstory:popover-ready';
/** Performance marks set when a popover is due and starts to open, and when its cards are in (bench/page/profile.ts reads them). */
const POPOVER_OPEN_MARK = 'backstory:popover-open';
const POPOVER_CONTENT_MARK = 'backstory:popover-content';

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
  /** Marks a name focus returns to that cannot take focus itself (focus-return.ts). */
  markReturnedName(mention: PageMention): void;
}

/**
 * Turns pointer and keys into popover intent: finds the mention under the pointer by
 * hit-testing (no listeners on the page's elements), opens after a short rest, stays
 * open while the pointer is on the name or the popover, opens pinned (or pins) on a
 * click or a tap (touch-taps.ts), and leaves on Esc, the close button, an outside click,
 * or (unpinned) when the pointer moves away. Hover never takes focus; a card opened by
 * the keyboard, a click or a tap does, and gives it back (focus-return.ts). Only the
 * user's own input counts: events a page's script made (`isTrusted` false) do nothing.
 */
export class HoverController {
  private frame = 0;
  private lastPoint: { x: number; y: number; overPopover: boolean } | undefined;
  private intent: { mention: PageMention; timer: number } | undefined;
  private closeTimer = 0;
  private openMention: PageMention | undefined;
  private pinned = false;
  private readonly focusReturn: FocusReturn;
  /** The last press's pointer type (a tap is reported as a click), and whether it opened or pinned a card. */
  private lastPressType = '';
  private focusOnClick = false;
  private request = 0;
  private readonly cards: CardCache;
  /** What the open popover shows, and the cards it came from through related names (for Back). */
  private shown: PopoverContent | undefined;
  private trail: PopoverContent[] = [];

  constructor(private readonly deps: HoverDeps) {
    this.cards = new CardCache(deps.loadCards);
    this.focusReturn = new FocusReturn(deps.popover, deps.markReturnedName);
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

  /** A press: on a name, opens its card pinned (or pins it); elsewhere, closes. A touch waits for its tap (a click). */
  onPointerDown(event: PointerEvent): void {
    if (!event.isTrusted) return;
    this.lastPressType = event.pointerType;
    this.focusOnClick = false;
    if (this.deps.popover.isOpen && this.deps.popover.contains(event)) {
      this.pin();
      return;
    }
    if (event.pointerType === 'touch') return;
    const mention = this.mentionAt(event.clientX, event.clientY);
    if (mention && mention === this.openMention) this.pin();
    else if (mention) this.openAt(mention, { x: event.clientX, y: event.clientY }, { pinned: true });
    else if (this.deps.popover.isOpen) this.close();
    this.focusOnClick = !!mention;
  }

  /** A click: a tap (touch-taps.ts), or the end of a press that opened a card, which then takes focus (after the press moved it). */
  onClick(event: MouseEvent): void {
    if (!event.isTrusted || event.detail === 0) return; // detail 0: a click made by a key, not a pointer.
    const type = ('pointerType' in event && typeof event.pointerType === 'string' && event.pointerType) || this.lastPressType;
    if (type === 'touch') {
      handleTap(this, this.deps.popover, event);
      return;
    }
    if (this.focusOnClick && this.deps.popover.isOpen) this.focusReturn.enter(this.openMention, { ring: false });
    this.focusOnClick = false;
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
  onHostDocumentPointerDown(event: MouseEvent): void {
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
    this.cancelIntent();
    this.openAt(mention, undefined, { pinned: true });
    this.focusReturn.enter(this.openMention, { ring: true });
  }

  /** Opens a mention's card pinned, from a tap at `point`, with focus inside. */
  openFromTap(mention: PageMention, point: { x: number; y: number }): void {
    this.openAt(mention, point, { pinned: true });
    this.focusReturn.enter(this.openMention, { ring: false });
  }

  /** The mention whose painted text is under a viewport point, if any. */
  mentionAt(x: number, y: number): PageMention | undefined {
    const caret = caretAt(x, y, this.deps.shadowRoots());
    if (!caret) return undefined;
    const mention = this.deps.index.at(caret.node, caret.offset);
    return mention && rectUnderPoint(mention.range, x, y) ? mention : undefined;
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
    void this.cards.content([entity.key]).then((content) => request === this.request && this.display({ ...content, back }));
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
    this.focusReturn.leave(hadFocus);
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

  private openAt(mention: PageMention, point: { x: number; y: number } | undefined, options: { pinned?: boolean } = {}): void {
    mark(POPOVER_OPEN_MARK);
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
    void this.cards.content(mention.entityKeys).then((content) => {
      if (request !== this.request) return;
      mark(POPOVER_CONTENT_MARK);
      this.display(content);
      // The frame that shows it: what "hover to visible popover" measures up to.
      requestAnimationFrame(() => mark(POPOVER_READY_MARK));
    });
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
