import type { PopoverContent } from '../../components/EntityPopover';
import type { EntityCard } from '../../lib/kb/entity-card';
import type { HighlightPainter } from './highlight-painter';
import { caretAt, rectUnderPoint } from './hit-test';
import type { MentionIndex, PageMention } from './mention-index';
import type { PopoverHost } from './popover-host';

/** Hover intent: the pointer must rest on a name this long before the popover opens (ms). */
export const HOVER_INTENT_MS = 250;
/** Grace period to travel from the name to the popover, or to come back, before it closes (ms). */
export const ABANDON_MS = 350;

export interface HoverDeps {
  index: MentionIndex;
  painter: HighlightPainter;
  popover: PopoverHost;
  loadCards(entityKeys: readonly string[]): Promise<EntityCard[]>;
}

/**
 * Turns pointer movement into popover intent: finds the mention under the pointer by
 * hit-testing (no listeners on the page's elements), opens after a short rest, stays
 * open while the pointer is on the name or the popover, and leaves on Esc, an outside
 * click, or when the pointer has moved away for a moment.
 */
export class HoverController {
  private frame = 0;
  private lastPoint: { x: number; y: number; overPopover: boolean } | undefined;
  private intent: { mention: PageMention; timer: number } | undefined;
  private closeTimer = 0;
  private openMention: PageMention | undefined;
  private request = 0;

  constructor(private readonly deps: HoverDeps) {}

  onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.lastPoint = { x: event.clientX, y: event.clientY, overPopover: this.deps.popover.contains(event) };
    // One hit test per frame, whatever the event rate.
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.lastPoint) this.sample(this.lastPoint);
    });
  }

  onPointerDown(event: PointerEvent): void {
    if (this.deps.popover.isOpen && !this.deps.popover.contains(event)) this.close();
  }

  onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.deps.popover.isOpen) this.close();
  }

  onPopoverPointerEnter(): void {
    this.cancelClose();
  }

  onPopoverPointerLeave(): void {
    this.scheduleClose();
  }

  close(): void {
    this.cancelIntent();
    this.cancelClose();
    this.request++;
    this.openMention = undefined;
    this.deps.painter.setActive(undefined);
    this.deps.popover.hide();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.close();
  }

  private sample({ x, y, overPopover }: { x: number; y: number; overPopover: boolean }): void {
    if (overPopover) {
      this.cancelClose();
      return;
    }
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
    const timer = window.setTimeout(() => this.openAt(mention, x, y), HOVER_INTENT_MS);
    this.intent = { mention, timer };
  }

  private mentionAt(x: number, y: number): PageMention | undefined {
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    const mention = this.deps.index.at(caret.node, caret.offset);
    return mention && rectUnderPoint(mention.range, x, y) ? mention : undefined;
  }

  private openAt(mention: PageMention, x: number, y: number): void {
    this.intent = undefined;
    this.cancelClose();
    this.openMention = mention;
    this.deps.painter.setActive(mention.range);
    const rects = [...mention.range.getClientRects()];
    const rectIndex = Math.max(0, rects.findIndex((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom));
    const anchor = {
      rect: () => mention.range.getClientRects()[rectIndex] ?? mention.range.getBoundingClientRect(),
      contextElement: mention.range.startContainer.parentElement ?? undefined,
    };
    this.deps.popover.show({ status: 'loading', name: mention.text }, anchor);

    // The newest hover wins: a slower answer for an older one is dropped.
    const request = ++this.request;
    this.deps
      .loadCards(mention.entityKeys)
      .then((cards): PopoverContent =>
        cards.length > 0 ? { status: 'ready', cards } : { status: 'error', message: 'This name is no longer in your library.' },
      )
      .catch((): PopoverContent => ({ status: 'error', message: 'Backstory could not look this up. Reload the page to try again.' }))
      .then((content) => {
        if (request === this.request) this.deps.popover.update(content);
      });
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
