/**
 * A short, locale-aware date for an ISO 8601 date or date-time ("10 Jul 2024").
 * A date-only value is shown as that calendar day whatever the time zone.
 */
export function formatArticleDate(iso: string | undefined, locale?: string): string | undefined {
  if (!iso) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/u.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A locale-aware date and time of day for an epoch-milliseconds moment ("6 Dec 2026, 04:30"). */
export function formatMoment(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(epochMs));
}
