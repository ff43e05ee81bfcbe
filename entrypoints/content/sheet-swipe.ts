import { SWIPE_SLOP_PX, swipeCloses } from '../../lib/layout/bottom-sheet';

export interface SheetSwipeOptions {
  /** The sheet that moves with the finger (its content scrolls inside it). */
  sheet: () => HTMLElement | null;
  /** Whether the card is a sheet now (a floating card does not swipe). */
  active: () => boolean;
  onClose(): void;
}

/**
 * Swipe down to close the bottom sheet: a drag that starts with the sheet's content at
 * its top follows the finger and closes past a distance or at a flick (lib/layout). Only
 * the sheet's own touches are looked at (listeners on our closed shadow root's frame); a
 * drag inside scrolled content scrolls it as usual, and the page is never touched.
 */
export function attachSheetSwipe(frame: HTMLElement, options: SheetSwipeOptions): void {
  let drag: { startY: number; startedAt: number; sheet: HTMLElement; dragging: boolean; distance: number } | undefined;

  frame.addEventListener(
    'touchstart',
    (event) => {
      const sheet = options.sheet();
      drag = undefined;
      if (!event.isTrusted || event.touches.length !== 1 || !options.active() || !sheet || sheet.scrollTop > 0) return;
      drag = { startY: event.touches[0]!.clientY, startedAt: event.timeStamp, sheet, dragging: false, distance: 0 };
    },
    { passive: true },
  );
  frame.addEventListener(
    'touchmove',
    (event) => {
      if (!drag || !event.isTrusted) return;
      drag.distance = event.touches[0]!.clientY - drag.startY;
      if (!drag.dragging && drag.distance > SWIPE_SLOP_PX && drag.sheet.scrollTop <= 0) drag.dragging = true;
      if (!drag.dragging) return;
      // Ours from here: the drag moves the sheet, not its content nor the page under it.
      if (event.cancelable) event.preventDefault();
      drag.sheet.style.transform = `translateY(${Math.max(0, drag.distance)}px)`;
    },
    { passive: false },
  );
  const end = (event: TouchEvent) => {
    const ended = drag;
    drag = undefined;
    if (!ended?.dragging) return;
    if (event.type === 'touchend' && swipeCloses(ended.distance, event.timeStamp - ended.startedAt)) options.onClose();
    else ended.sheet.style.transform = '';
  };
  frame.addEventListener('touchend', end);
  frame.addEventListener('touchcancel', end);
}
