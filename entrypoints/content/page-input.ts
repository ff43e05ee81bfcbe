import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverController } from './hover-controller';
import type { KeyboardNav } from './keyboard-nav';
import type { Popover } from './lazy-popover';

export interface PageInputDeps {
  ctx: ContentScriptContext;
  /** Whether Backstory runs on this page now (and this copy is still the extension's). */
  live(): boolean;
  controller: HoverController;
  nav: KeyboardNav;
  popover: Popover;
}

/**
 * The user's input on a page, to hover, keyboard and touch: listeners on the document only,
 * in the capture phase, never on the page's elements. Only the user's own input counts: a
 * page's scripts can dispatch events too (isTrusted false), and each handler checks.
 */
export function listenForInput({ ctx, live, controller, nav, popover }: PageInputDeps): void {
  ctx.addEventListener(document, 'pointermove', (e) => live() && controller.onPointerMove(e), { passive: true, capture: true });
  ctx.addEventListener(document, 'pointerdown', (e) => live() && controller.onPointerDown(e), { capture: true });
  // A tap on a touch screen arrives as a click (a press that scrolls or selects never does).
  ctx.addEventListener(document, 'click', (e) => live() && controller.onClick(e), { capture: true });
  ctx.addEventListener(
    document,
    'keydown',
    (e) => {
      if (!live() || !e.isTrusted || e.isComposing) return;
      if (nav.onKeyDown(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    { capture: true },
  );
  // A frame's card is shown in the top document: presses and Esc there reach it too.
  const hostDocument = popover.hostDocument;
  if (hostDocument !== document) {
    ctx.addEventListener(hostDocument, 'pointermove', (e) => live() && controller.onHostDocumentPointerMove(e), { passive: true, capture: true });
    // A touch there waits for its tap (a click), as on this frame's own page.
    ctx.addEventListener(hostDocument, 'pointerdown', (e) => live() && e.pointerType !== 'touch' && controller.onHostDocumentPointerDown(e), { capture: true });
    ctx.addEventListener(hostDocument, 'click', (e) => live() && isTap(e) && controller.onHostDocumentPointerDown(e), { capture: true });
    ctx.addEventListener(hostDocument, 'keydown', (e) => live() && e.isTrusted && e.key === 'Escape' && controller.onEscape(), { capture: true });
    // The frame going away (removed, navigated) takes its card out of the top document.
    ctx.addEventListener(window, 'pagehide', () => {
      controller.close();
      popover.dispose();
    });
  }
}

/** Whether a click is a tap on a touch screen (click is a PointerEvent in Chromium and Firefox). */
function isTap(event: MouseEvent): boolean {
  return (event as Partial<PointerEvent>).pointerType === 'touch';
}
