/**
 * Performance marks for the popup benchmark (bench/search/popup.bench.ts): the moment
 * results for a query are on screen, and the moment the popup can answer searches.
 * A mark is set in the animation frame after the render that shows the change: the
 * browser paints right after its animation-frame callbacks.
 */
export const RESULTS_MARK = 'backstory:results';
export const USABLE_MARK = 'backstory:usable';
/** The popup's own copy of the index is loaded: searches are answered in the popup from here on. */
export const LOCAL_INDEX_MARK = 'backstory:local-index';

export function markNextFrame(name: string, detail?: unknown): void {
  requestAnimationFrame(() => performance.mark(name, { detail }));
}
