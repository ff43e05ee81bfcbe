import { formatArticleDate } from './format-date';

/** Past this age an article's date reads "as of …": what it says may have changed since (ms). */
const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The date shown beside an article in a card: "4 Jul 2024", or "as of 4 Jul 2023" when
 * the article is more than a year older than `now` (ms since the epoch).
 */
export function articleDateLabel(iso: string | undefined, now: number, locale?: string): string | undefined {
  const formatted = formatArticleDate(iso, locale);
  if (!iso || !formatted) return formatted;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/u.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(time) && now - time > STALE_AFTER_MS ? `as of ${formatted}` : formatted;
}
