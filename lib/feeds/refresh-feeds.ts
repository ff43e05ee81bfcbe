/**
 * One fetch of a followed feed, start to end: download (conditional), decode, parse,
 * write the new items into the feed's pack, and note how it went on the feed's record
 * (state, new items, error in plain words, when to fetch next).
 */
import type { BackstoryDatabase } from '../db/database';
import { decodeFeed } from './decode-feed';
import { writeFeedItems } from './feed-pack';
import { dueFeeds, nextFetchAt } from './feed-schedule';
import { getFeed, listFeeds, saveFeed, type FeedRecord } from './feed-store';
import { downloadFeed, type FetchLike } from './fetch-feed';
import { parseFeedText } from './parse-feed';

export interface RefreshOptions {
  fetch: FetchLike;
  now?: () => number;
  timeLimitMs?: number;
}

/** Fetches one feed now and returns its updated record; undefined when it is not followed. */
export async function refreshFeed(db: BackstoryDatabase, id: string, options: RefreshOptions): Promise<FeedRecord | undefined> {
  const feed = await getFeed(db, id);
  if (!feed) return undefined;
  const clock = options.now ?? Date.now;
  let next: FeedRecord;
  try {
    next = await fetchInto(db, feed, options, clock);
  } catch (error) {
    console.warn(`Backstory: fetching the feed ${feed.url} failed`, error);
    next = failed(feed, 'The fetch failed unexpectedly; it is tried again later.', clock());
  }
  // Unfollowed while fetching: nothing is noted.
  if (await getFeed(db, id)) await saveFeed(db, next);
  return next;
}

function failed(feed: FeedRecord, message: string, now: number): FeedRecord {
  const failures = feed.failures + 1;
  return { ...feed, lastFetchAt: now, lastOutcome: 'failed', error: message, failures, nextFetchAt: nextFetchAt(now, failures) };
}

async function fetchInto(db: BackstoryDatabase, feed: FeedRecord, options: RefreshOptions, clock: () => number): Promise<FeedRecord> {
  const download = await downloadFeed(feed.url, { fetch: options.fetch, etag: feed.etag, lastModified: feed.lastModified, timeLimitMs: options.timeLimitMs });
  const now = clock();
  if (download.kind === 'failed') return failed(feed, download.message, now);
  const ok = { ...feed, lastFetchAt: now, error: undefined, failures: 0, nextFetchAt: nextFetchAt(now, 0) };
  if (download.kind === 'not-modified') return { ...ok, lastOutcome: 'unchanged', lastNewItems: 0 };
  const parsed = parseFeedText(decodeFeed(download.bytes, download.contentType), feed.url);
  // Validators are not kept for a bad answer: the same bad file is looked at again next time.
  if (!parsed.ok) return failed({ ...feed, etag: undefined, lastModified: undefined }, parsed.message, now);
  const titled = { ...ok, title: parsed.feed.title ?? feed.title, siteUrl: parsed.feed.link ?? feed.siteUrl, etag: download.etag, lastModified: download.lastModified };
  const written = await writeFeedItems(db, titled, parsed.feed, now);
  return { ...titled, lastOutcome: written.added > 0 ? 'new' : 'unchanged', lastNewItems: written.added };
}

/**
 * Fetches every followed feed that is due, one after another (never two at once: the
 * background stays light). One feed's failure never stops the others. Returns how many were fetched.
 */
export async function refreshDueFeeds(db: BackstoryDatabase, options: RefreshOptions): Promise<number> {
  const due = dueFeeds(await listFeeds(db), (options.now ?? Date.now)());
  for (const feed of due) await refreshFeed(db, feed.id, options);
  return due.length;
}
