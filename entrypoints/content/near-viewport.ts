import type { TextBlock } from './text-blocks';

/**
 * What "near the reader" means for the scanner: the screen, and this many screens below
 * it. Text further down is read when the reader scrolls near it, so a long page the
 * reader never scrolls through costs only its first screens.
 */
const LOOKAHEAD_SCREENS = 1;
/** Most blocks in the first, in-view batch. */
const MAX_VIEWPORT_BLOCKS = 500;

/** The bottom of the region read ahead, in viewport coordinates (px). */
export function lookaheadBottom(): number {
  return innerHeight * (1 + LOOKAHEAD_SCREENS);
}

/**
 * Whether a block starting with `node` lies below the region read ahead, so the walk can
 * pause before it. One layout read per block start (the page's layout is clean by then,
 * so it costs about a microsecond). A fixed-position element is never "below": it does not
 * move as the page scrolls, so waiting for it to come near would wait for ever.
 */
export function isBelowLookahead(node: Text, bottom: number): boolean {
  const element = node.parentElement;
  if (!element || element.getBoundingClientRect().top <= bottom) return false;
  return (element as HTMLElement).offsetParent !== null || getComputedStyle(element).position !== 'fixed';
}

/**
 * The run of blocks on screen, found by binary search on the blocks' vertical position
 * (document order is mostly top to bottom; where it is not, the rest still follows soon).
 */
export function viewportSlice(blocks: readonly TextBlock[]): { from: number; to: number } {
  const top = (i: number) => blocks[i]!.nodes[0]!.parentElement?.getBoundingClientRect();
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rect = top(mid);
    if (rect && rect.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const bottom = lookaheadBottom();
  let to = lo;
  while (to < blocks.length && to - lo < MAX_VIEWPORT_BLOCKS) {
    const rect = top(to);
    if (rect && rect.top > bottom) break;
    to++;
  }
  return { from: lo, to };
}

/**
 * Calls back once when `element` comes within the read-ahead region of the viewport or
 * above it: scrolled near or past (a jump to the end counts), by the page or by any scroll
 * container, or moved up by the page's own layout. An IntersectionObserver whose region
 * reaches far above the viewport sees the page's scrolling and layout changes; a scroll
 * container clips what it observes, so scrolls inside one are followed too, at most one
 * layout read per frame. Returns a function that stops watching.
 */
export function whenNear(element: Element, onNear: () => void): () => void {
  let frame = 0;
  const check = () => {
    frame = 0;
    if (element.getBoundingClientRect().top <= lookaheadBottom()) {
      stop();
      onNear();
    }
  };
  const onScroll = () => {
    frame ||= requestAnimationFrame(check);
  };
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && check(), { rootMargin: `${FAR_ABOVE_PERCENT}% 0px ${LOOKAHEAD_SCREENS * 100}% 0px` })
    : undefined;
  observer?.observe(element);
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', onScroll, { passive: true });
  function stop(): void {
    cancelAnimationFrame(frame);
    observer?.disconnect();
    document.removeEventListener('scroll', onScroll, { capture: true });
    window.removeEventListener('resize', onScroll);
  }
  return stop;
}

/** How far above the viewport the observer's region reaches, in viewport heights (×100): the whole page above it. */
const FAR_ABOVE_PERCENT = 1_000_000;

/**
 * Whether a text node is rendered visibly (display, visibility, content-visibility), asked
 * only where a name was found, and cached per element for one scan.
 */
export function visibilityCheck(): (node: Text) => boolean {
  const shown = new WeakMap<Element, boolean>();
  return (node) => {
    const element = node.parentElement;
    if (!element) return true;
    let visible = shown.get(element);
    if (visible === undefined) {
      visible = typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) : true;
      shown.set(element, visible);
    }
    return visible;
  };
}
