import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { EntityPopover, type PopoverContent } from '../../components/EntityPopover';
import cardCss from '../../components/entity-card.css?inline';
import { pageTheme } from './page-theme';

/** Gap between the name and the popover, and the least distance to the viewport edge (px). */
const ANCHOR_GAP_PX = 6;
const VIEWPORT_PADDING_PX = 8;

export interface PopoverCallbacks {
  onOpenArticle(articleKey: string): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

/**
 * The popover's home: a closed shadow root, so the page can neither style nor read what
 * the knowledge base says. Positioned with Floating UI (flip and shift at the edges).
 */
export class PopoverHost {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly container: HTMLElement;
  private stopAutoUpdate: (() => void) | undefined;
  private open = false;

  constructor(private readonly callbacks: PopoverCallbacks) {
    this.host = document.createElement('backstory-popover');
    // The host is visible to the page; keep it inert in layout and let it hold only the popover.
    this.host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;';
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `:host { all: initial; }\n.bs-frame { position: fixed; top: 0; left: 0; }\n${cardCss}`;
    this.container = document.createElement('div');
    this.container.className = 'bs-frame';
    this.container.addEventListener('pointerenter', () => this.callbacks.onPointerEnter());
    this.container.addEventListener('pointerleave', () => this.callbacks.onPointerLeave());
    this.shadow.append(style, this.container);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Shows `content` next to `anchor` (a rect of the hovered name, in viewport coordinates). */
  show(content: PopoverContent, anchor: { rect: () => DOMRect; contextElement?: Element }): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
    this.render(content);
    this.open = true;
    this.stopAutoUpdate?.();
    const reference = { getBoundingClientRect: anchor.rect, contextElement: anchor.contextElement };
    this.stopAutoUpdate = autoUpdate(reference, this.container, () => {
      void computePosition(reference, this.container, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(ANCHOR_GAP_PX), flip({ padding: VIEWPORT_PADDING_PX }), shift({ padding: VIEWPORT_PADDING_PX })],
      }).then(({ x, y }) => {
        this.container.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  /** Replaces the content of an open popover (loading → ready). */
  update(content: PopoverContent): void {
    if (this.open) this.render(content);
  }

  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    render(null, this.container);
    this.host.remove();
  }

  /** Whether an event's path goes through the popover. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private render(content: PopoverContent): void {
    render(
      <EntityPopover
        content={content}
        theme={pageTheme()}
        onClose={this.callbacks.onClose}
        onOpenArticle={this.callbacks.onOpenArticle}
      />,
      this.container,
    );
  }
}
