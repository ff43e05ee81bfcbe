import { ISO_DATE_PATTERN, isRealIsoDate } from '../pack/schema';

// "2024-07-10 09:30:00": a space where ISO 8601 wants "T".
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/u;
const HAS_YEAR = /\b\d{4}\b/u;
const HAS_TIME = /\d:\d\d/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A page's date as the pack format wants it (ISO 8601 date or date-time), or undefined.
 * ISO values are kept as written (their offset says where the article was published);
 * anything else `Date` can read becomes a date ("10 July 2024" → 2024-07-10) or, when
 * it has a time, a UTC date-time.
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = value?.trim().replace(SPACE_SEPARATED, '$1T$2');
  if (!text) return undefined;
  if (ISO_DATE_PATTERN.test(text)) return isRealIsoDate(text) ? text : undefined;
  // Only texts that name a year: `Date.parse` reads "5" or "May" as some date too.
  if (!HAS_YEAR.test(text)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  if (HAS_TIME.test(text)) return date.toISOString().replace('.000Z', 'Z');
  // A date without a time was read as local midnight: its local parts are the day meant.
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
