/**
 * Performance marks for the popup benchmark (bench/search/popup.bench.ts): the moment
 * results for a query are on screen, and the moment the popup can answer searches.
 * A mark is set after the frame that shows the change: a task queued from
 * requestAnimationFrame runs after that frame's paint.
 */
export const RESULTS_MARK = 'backstory:results';
export const USABLE_MARK = 'backstory:usable';

export function markAfterPaint(name: string, detail?: unknown): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name, { detail }), 0));
}
