/**
 * A followed feed's state as the options page says it, in plain words: when it was last
 * fetched, what that brought or what went wrong, and when the next try is.
 */
import { countOf } from '../text/plural';
import type { FeedRecord } from './feed-store';

export type FeedState = 'waiting' | 'ok' | 'failing';

export interface FeedStatus {
  state: FeedState;
  /** "Fetched Dec 5, 10:40: 3 new articles." */
  summary: string;
  /** For a failing feed: what went wrong, and when the next try is. */
  error?: string;
}

/** Formats an instant for the status lines; injected so tests need no locale. */
export type FormatTime = (epochMs: number) => string;

export function feedStatus(feed: FeedRecord, formatTime: FormatTime): FeedStatus {
  if (feed.lastFetchAt === undefined) return { state: 'waiting', summary: 'Not fetched yet: the first fetch is on its way.' };
  const when = formatTime(feed.lastFetchAt);
  if (feed.lastOutcome === 'failed') {
    return {
      state: 'failing',
      summary: `Last fetch ${when} failed${feed.failures > 1 ? ` (${countOf(feed.failures, 'time')} in a row)` : ''}.`,
      error: `${feed.error ?? 'The fetch failed.'} Backstory tries again ${formatTime(feed.nextFetchAt)}.`,
    };
  }
  const news = feed.lastNewItems ? `${countOf(feed.lastNewItems, 'new article')}.` : 'nothing new.';
  const skipped = feed.lastSkippedItems ? ` ${countOf(feed.lastSkippedItems, 'item')} without a title or text skipped.` : '';
  const notKept = feed.lastNotKeptItems
    ? ` ${countOf(feed.lastNotKeptItems, 'item')} not kept: older than this feed keeps (the last ${countOf(feed.retentionDays, 'day')}, at most ${countOf(feed.maxItems, 'article')}).`
    : '';
  return { state: 'ok', summary: `Fetched ${when}: ${news}${skipped}${notKept}` };
}
