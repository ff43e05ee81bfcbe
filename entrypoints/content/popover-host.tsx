import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { EntityPopover, type PopoverContent } from '../../components/EntityPopover';
import cardCss from '../../components/entity-card.css?inline';
import { cardToMarkdown } from '../../lib/kb/card-markdown';
import type { EntityCard, RelatedEntity } from '../../lib/kb/entity-card';
import { placeSheet, SHEET_MEDIA_QUERY } from '../../lib/layout/bottom-sheet';
import { pageTheme } from './page-theme';
import { attachSheetSwipe } from './sheet-swipe';

/** Gap between the name and the popover, and the least distance to the viewport edge (px). */
const ANCHOR_GAP_PX = 6;
const VIEWPORT_PADDING_PX = 8;
/** Least height given to the card where there is less room than that on both sides (px). */
const MIN_CARD_HEIGHT_PX = 120;

export interface PopoverCallbacks {
  onOpenArticle(articleKey: string): void;
  onShowMore(card: EntityCard): void;
  onOpenRelated(entity: RelatedEntity): void;
  onBack(): void;
  onDismissCandidate(entityKey: string): void;
  onUndoDismiss(entityKey: string): void;
  onDisableSite(): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

export interface PopoverAnchor {
  rect: () => DOMRect;
  contextElement?: Element;
}

/**
 * The popover's home: a closed shadow root, so the page can neither style nor read what
 * the knowledge base says. Positioned with Floating UI (flip and shift at the edges,
 * start/end following the page's writing direction), its height limited to the room
 * there is (the content scrolls inside). Under 480 px (phones) it is a bottom sheet
 * instead, the page scrolled so the name stays in view above it (lib/layout/bottom-sheet.ts).
 * In a same-origin frame it lives in the top document, so a small frame does not clip it;
 * Floating UI translates the name's rect through the frame chain.
 */
export class PopoverHost {
  private readonly shadow: ShadowRoot;
  private readonly container: HTMLElement;
  private stopAutoUpdate: (() => void) | undefined;
  private open = false;
  private content: PopoverContent | undefined;
  private pinned = false;
  /** Candidates hidden from the open card, shown as "hidden · Undo" until it closes. */
  private hiddenKeys = new Set<string>();
  private dir: 'ltr' | 'rtl' = 'ltr';
  private theme: 'light' | 'dark' = 'light';
  private prepared: { context: Element | undefined; dir: 'ltr' | 'rtl'; theme: 'light' | 'dark' } | undefined;
  private anchor: PopoverAnchor | undefined;
  private layout: 'floating' | 'sheet' = 'floating';
  /** Phones: the card is a bottom sheet while this matches (followed while a card is open, for rotation). */
  private readonly sheetQuery: MediaQueryList;
  private readonly onLayoutChange = () => this.open && this.anchor && this.place(this.anchor, { scroll: false });

  /** The document the popover is shown in: the top one when this frame can reach it. */
  readonly hostDocument: Document;

  constructor(
    private readonly callbacks: PopoverCallbacks,
    /** The site shown in "turn off on …" (undefined where that makes no sense). */
    private readonly site: string | undefined,
    /** The element the popover lives in (`createPopoverElement`), made when the page script started. */
    readonly host: HTMLElement,
  ) {
    this.hostDocument = host.ownerDocument;
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = this.hostDocument.createElement('style');
    // On a phone the frame spans the viewport's bottom edge and holds the sheet (entity-card.css).
    style.textContent = `:host { all: initial; }\n.bs-frame { position: fixed; top: 0; left: 0; }\n.bs-frame[data-layout='sheet'] { top: auto; bottom: 0; right: 0; }\n${cardCss}`;
    this.container = this.hostDocument.createElement('div');
    this.container.className = 'bs-frame';
    this.container.addEventListener('pointerenter', (e) => e.isTrusted && this.callbacks.onPointerEnter());
    this.container.addEventListener('pointerleave', (e) => e.isTrusted && this.callbacks.onPointerLeave());
    this.shadow.append(style, this.container);
    this.sheetQuery = (this.hostDocument.defaultView ?? window).matchMedia(SHEET_MEDIA_QUERY);
    attachSheetSwipe(this.container, {
      sheet: () => this.container.querySelector<HTMLElement>('[role="dialog"]'),
      active: () => this.open && this.layout === 'sheet',
      onClose: () => this.callbacks.onClose(),
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Reads the page's direction and colours for a popover about to open next to
   * `context`: done when the pointer lands on a name, because reading computed styles
   * on a big page that has just scrolled costs a style pass, better spent during the
   * hover-intent delay than once the popover is due.
   */
  prepare(context: Element | undefined): void {
    this.prepared = {
      context,
      dir: context && getComputedStyle(context).direction === 'rtl' ? 'rtl' : 'ltr',
      theme: pageTheme(context?.ownerDocument ?? document),
    };
  }

  /** Shows `content` next to `anchor` (a rect of the name, in viewport coordinates). */
  show(content: PopoverContent, anchor: PopoverAnchor, options: { pinned?: boolean } = {}): void {
    if (!this.host.isConnected) this.hostDocument.documentElement.append(this.host);
    const context = anchor.contextElement;
    if (this.prepared?.context !== context) this.prepare(context);
    this.dir = this.prepared!.dir;
    this.theme = this.prepared!.theme;
    this.prepared = undefined;
    // Floating UI reads the floating element's direction to place "start" on the right side in RTL.
    this.container.dir = this.dir;
    this.pinned = options.pinned ?? false;
    this.hiddenKeys = new Set();
    this.content = content;
    if (!this.open) this.sheetQuery.addEventListener('change', this.onLayoutChange);
    this.open = true;
    this.anchor = anchor;
    // Only a card the user asked for (a tap, a click, a key) may scroll the page; a hover never does.
    this.place(anchor, { scroll: this.pinned });
  }

  /** Lays the card out as a floating card beside the name, or as a bottom sheet on a phone. */
  private place(anchor: PopoverAnchor, { scroll }: { scroll: boolean }): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.layout = this.sheetQuery.matches ? 'sheet' : 'floating';
    this.container.dataset.layout = this.layout;
    // Layout containment would make the host the sheet's containing block: a phone's sheet
    // needs the viewport's bottom edge, so the host drops it there.
    this.host.style.setProperty('contain', this.layout === 'sheet' ? 'style' : 'size layout style', 'important');
    this.render();
    if (this.layout === 'sheet') this.placeSheet(anchor, scroll);
    else this.placeFloating(anchor);
  }

  /** Bottom sheet: full width at the viewport's bottom, the page scrolled so the name shows above it. */
  private placeSheet(anchor: PopoverAnchor, scroll: boolean): void {
    this.container.style.transform = '';
    const view = this.hostDocument.defaultView ?? window;
    const name = anchor.rect();
    const page = this.hostDocument.scrollingElement ?? this.hostDocument.documentElement;
    // A name in a frame has its rect in the frame's viewport: only the top page's own names are scrolled to.
    const ownPage = anchor.contextElement?.ownerDocument === this.hostDocument;
    const { scrollBy, maxHeight } = placeSheet({
      viewportHeight: view.innerHeight,
      nameTop: name.top,
      nameBottom: name.bottom,
      scrollRoom: ownPage && scroll ? Math.max(0, page.scrollHeight - view.innerHeight - view.scrollY) : 0,
    });
    this.container.style.setProperty('--bs-sheet-max-height', `${maxHeight}px`);
    if (scrollBy > 0) view.scrollBy({ top: scrollBy, behavior: 'instant' });
  }

  private placeFloating(anchor: PopoverAnchor): void {
    const context = anchor.contextElement;
    const reference = { getBoundingClientRect: anchor.rect, contextElement: context };
    this.stopAutoUpdate = autoUpdate(reference, this.container, () => {
      void computePosition(reference, this.container, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(ANCHOR_GAP_PX),
          // Where neither side has room for the whole card, the side with more room wins…
          flip({ padding: VIEWPORT_PADDING_PX, fallbackStrategy: 'bestFit' }),
          // …and the card takes the height there is; its content scrolls inside.
          size({
            padding: VIEWPORT_PADDING_PX,
            apply: ({ availableHeight }) => {
              this.container.style.setProperty('--bs-available-height', `${Math.max(MIN_CARD_HEIGHT_PX, Math.floor(availableHeight))}px`);
            },
          }),
          shift({ padding: VIEWPORT_PADDING_PX }),
        ],
      }).then(({ x, y }) => {
        this.container.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  /** Replaces the content of an open popover (loading → ready). */
  update(content: PopoverContent): void {
    if (!this.open) return;
    this.content = content;
    this.render();
  }

  setPinned(pinned: boolean): void {
    if (!this.open || this.pinned === pinned) return;
    this.pinned = pinned;
    this.render();
  }

  /** Shows a candidate of the open card as hidden (with Undo), or as a card again. */
  setHidden(entityKey: string, hidden: boolean): void {
    if (!this.open) return;
    this.hiddenKeys = new Set(this.hiddenKeys);
    if (hidden) this.hiddenKeys.add(entityKey);
    else this.hiddenKeys.delete(entityKey);
    this.render();
  }

  /** The entity keys a card of the open popover stands for: its own and those merged into it. */
  keysOf(entityKey: string): string[] {
    const card = this.content?.status === 'ready' ? this.content.cards.find((c) => c.key === entityKey) : undefined;
    return [entityKey, ...(card?.sameKeys ?? [])];
  }

  /**
   * Moves keyboard focus into the dialog, or to one control in it. `ring: false` (a card a
   * click or a tap opened) moves focus without drawing the focus ring around the card.
   */
  focus(selector = '[role="dialog"]', { ring = true }: { ring?: boolean } = {}): void {
    // focusVisible: Chromium 134+, Firefox 104+; older engines ignore it and draw the ring.
    this.container.querySelector<HTMLElement>(selector)?.focus({ focusVisible: ring } as FocusOptions);
  }

  /** Whether keyboard focus is inside the popover. */
  hasFocus(): boolean {
    return this.hostDocument.activeElement === this.host;
  }

  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.content = undefined;
    this.anchor = undefined;
    this.sheetQuery.removeEventListener('change', this.onLayoutChange);
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    render(null, this.container);
  }

  /** Takes the host out of the page (the script is shutting down). */
  dispose(): void {
    this.hide();
    this.host.remove();
  }

  /** Whether an event's path goes through the popover. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private render(): void {
    if (!this.content) return;
    render(
      <EntityPopover
        content={this.content}
        theme={this.theme}
        dir={this.dir}
        pinned={this.pinned}
        layout={this.layout}
        now={Date.now()}
        onClose={this.callbacks.onClose}
        onOpenArticle={this.callbacks.onOpenArticle}
        onShowMore={this.callbacks.onShowMore}
        onOpenRelated={this.callbacks.onOpenRelated}
        onBack={this.callbacks.onBack}
        onDismissCandidate={this.callbacks.onDismissCandidate}
        hiddenKeys={this.hiddenKeys}
        onUndoDismiss={this.callbacks.onUndoDismiss}
        site={this.site}
        onDisableSite={this.callbacks.onDisableSite}
        onCopyMarkdown={copyCardToClipboard()}
      />,
      this.container,
    );
  }
}

/**
 * "Copy as Markdown" on the page's card: the clipboard API exists only in secure pages
 * (https, localhost), and the copy needs the user's click; elsewhere the button is not shown.
 */
function copyCardToClipboard(): ((card: EntityCard) => Promise<boolean>) | undefined {
  const clipboard = globalThis.isSecureContext ? navigator.clipboard : undefined;
  if (!clipboard) return undefined;
  return (card) => clipboard.writeText(cardToMarkdown(card)).then(() => true, () => false);
}
