/**
 * Performance marks for the popup benchmark (bench/search/popup.bench.ts): the moment
 * results for a query are on screen, and the moment the popup can answer searches.
 * A mark is set in the animation frame after the render that shows the change: the
 * browser paints right after its animation-frame callbacks.
 */
export const RESULTS_MARK = 'backstory:results';
export const USABLE_MARK = 'backstory:usable';

export function markNextFrame(name: string, detail?: unknown): void {
  requestAnimationFrame(() => performance.mark(name, { detail }));
}
