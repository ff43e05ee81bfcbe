/**
 * When each followed feed is fetched next: every two hours by default; after an error,
 * later and later (doubling, at most a day), so a broken feed is not asked in vain.
 */

const HOUR_MS = 60 * 60 * 1000;
/** How often a feed that works is fetched. */
export const FEED_PERIOD_MS = 2 * HOUR_MS;
/** The longest wait after repeated errors. */
const MAX_BACKOFF_MS = 24 * HOUR_MS;

/** When to fetch again after a fetch at `now`, given how many fetches in a row have failed (0 after a success). */
export function nextFetchAt(now: number, failures: number, periodMs = FEED_PERIOD_MS): number {
  if (failures <= 0) return now + periodMs;
  return now + Math.min(periodMs * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS);
}

/** The feeds due at `now`, longest overdue first. */
export function dueFeeds<T extends { nextFetchAt?: number }>(feeds: readonly T[], now: number): T[] {
  return feeds.filter((f) => (f.nextFetchAt ?? 0) <= now).sort((a, b) => (a.nextFetchAt ?? 0) - (b.nextFetchAt ?? 0));
}
