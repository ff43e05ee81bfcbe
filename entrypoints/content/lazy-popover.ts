import { CARD_SCRIPT_GLOBAL } from '../../lib/extension/card-script';
import { importantStyle } from './host-style';
import type { PopoverAnchor, PopoverCallbacks, PopoverHost } from './popover-host';
import type { PopoverContent } from '../../components/EntityPopover';

/** What the card script (entrypoints/card.ts) leaves on the isolated world's global object. */
export interface CardScript {
  PopoverHost: typeof PopoverHost;
}

/** What the page script uses of the popover. */
export type Popover = Pick<
  PopoverHost,
  'host' | 'hostDocument' | 'isOpen' | 'prepare' | 'show' | 'update' | 'setPinned' | 'setHidden' | 'keysOf' | 'focus' | 'hasFocus' | 'hide' | 'dispose' | 'contains'
>;

export interface LazyPopoverOptions {
  callbacks: PopoverCallbacks;
  site: string | undefined;
  /** Has the card script injected into this frame (a `card.load` message to the background). */
  injectCardScript(): Promise<unknown>;
  /** The card script could not be loaded (the extension was reloaded under the page, say). */
  onLoadFailed(error: unknown): void;
}

/** A popover asked for before the card's code was in: shown once it is. */
interface Wanted {
  content: PopoverContent;
  anchor: PopoverAnchor;
  pinned: boolean;
  /** `focus()` was asked for (its selector, or null for the dialog), and whether with a ring. */
  focus?: { selector: string | undefined; ring: boolean };
}

/**
 * The popover, with its code (Preact, Floating UI, the card; about two thirds of the page
 * script) loaded on first use: when the pointer first lands on a name, during the
 * hover-intent delay, or when a card is first opened from the keyboard. Until then it is
 * only an empty, unattached host element. A card asked for before the code is in is shown
 * as soon as it is, in the state the hover controller left it.
 */
export class LazyPopover implements Popover {
  readonly host: HTMLElement;
  readonly hostDocument: Document;
  private inner: PopoverHost | undefined;
  private loading: Promise<void> | undefined;
  private wanted: Wanted | undefined;
  private disposed = false;

  constructor(private readonly options: LazyPopoverOptions) {
    this.host = createPopoverElement();
    this.hostDocument = this.host.ownerDocument;
  }

  get isOpen(): boolean {
    return this.inner ? this.inner.isOpen : this.wanted !== undefined;
  }

  prepare(context: Element | undefined): void {
    this.load();
    this.inner?.prepare(context);
  }

  show(content: PopoverContent, anchor: PopoverAnchor, options: { pinned?: boolean } = {}): void {
    if (this.inner) return this.inner.show(content, anchor, options);
    this.wanted = { content, anchor, pinned: options.pinned ?? false };
    this.load();
  }

  update(content: PopoverContent): void {
    if (this.inner) this.inner.update(content);
    else if (this.wanted) this.wanted.content = content;
  }

  setPinned(pinned: boolean): void {
    if (this.inner) this.inner.setPinned(pinned);
    else if (this.wanted) this.wanted.pinned = pinned;
  }

  setHidden(entityKey: string, hidden: boolean): void {
    this.inner?.setHidden(entityKey, hidden); // Only a shown card has candidates to hide.
  }

  keysOf(entityKey: string): string[] {
    return this.inner ? this.inner.keysOf(entityKey) : [entityKey];
  }

  focus(selector?: string, { ring = true }: { ring?: boolean } = {}): void {
    if (this.inner) this.inner.focus(selector, { ring });
    else if (this.wanted) this.wanted.focus = { selector, ring };
  }

  hasFocus(): boolean {
    return this.inner?.hasFocus() ?? false;
  }

  hide(): void {
    this.wanted = undefined;
    this.inner?.hide();
  }

  dispose(): void {
    this.disposed = true;
    this.wanted = undefined;
    if (this.inner) this.inner.dispose();
    else this.host.remove();
  }

  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  /** Starts loading the card's code, once. */
  private load(): void {
    this.loading ??= this.options
      .injectCardScript()
      .then(() => {
        const card = (globalThis as Record<string, unknown>)[CARD_SCRIPT_GLOBAL] as CardScript | undefined;
        if (!card) throw new Error('The card script left nothing to use');
        if (this.disposed) return;
        this.inner = new card.PopoverHost(this.options.callbacks, this.options.site, this.host);
        const wanted = this.wanted;
        this.wanted = undefined;
        if (!wanted) return;
        this.inner.show(wanted.content, wanted.anchor, { pinned: wanted.pinned });
        if (wanted.focus) this.inner.focus(wanted.focus.selector, { ring: wanted.focus.ring });
      })
      .catch((error: unknown) => {
        this.loading = undefined; // The next hover tries again.
        this.wanted = undefined;
        this.options.onLoadFailed(error);
      });
  }
}

/**
 * The popover's host element, made at once (the scanner and DOM watcher leave it out) but
 * added to the page only when a card first shows. In a same-origin frame it belongs to the
 * top document, so a small frame does not clip the card.
 */
function createPopoverElement(): HTMLElement {
  const hostDocument = reachableTopDocument() ?? document;
  const host = hostDocument.createElement('backstory-popover');
  // The host is visible to the page; keep it inert in layout and let it hold only the popover.
  // Contained, and left in place once added, so a hover does not add and remove an
  // element of <html> each time. Every declaration is important: inline important beats
  // the page's own `!important` rules, so its CSS can neither hide nor restyle the card.
  host.style.cssText = importantStyle('all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; contain: size layout style; zoom: 1');
  return host;
}

/** The top document, when this is a frame whose top is same-origin (and so reachable). */
function reachableTopDocument(): Document | undefined {
  if (window === window.top) return undefined;
  try {
    return window.top?.document.documentElement ? window.top.document : undefined;
  } catch {
    return undefined; // A cross-origin or sandboxed top throws on access.
  }
}
