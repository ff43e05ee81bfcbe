/**
 * Fetching followed feeds, start to end: download (conditional), decode, parse, write
 * the new items into each feed's pack, and note how it went on the feed's record (state,
 * new items, error in plain words, when to fetch next).
 */
import type { BackstoryDatabase } from '../db/database';
import { libraryMatcher } from '../kb/my-articles';
import { writeLibrary } from '../kb/write-library';
import { decodeFeed } from './decode-feed';
import { prepareFeedItems, writePreparedFeedItems, type PreparedFeedItems } from './feed-pack';
import { dueFeeds, nextFetchAt } from './feed-schedule';
import { getFeed, listFeeds, saveFeed, type FeedRecord } from './feed-store';
import { downloadFeed, type FetchLike } from './fetch-feed';
import { parseFeedText } from './parse-feed';
import type { Pause } from './work-slices';
import type { Matcher } from '../matcher';

export interface RefreshOptions {
  fetch: FetchLike;
  now?: () => number;
  timeLimitMs?: number;
  /**
   * The matcher new items are linked with. The background passes the one pages are
   * scanned with (already built); without it one is compiled over the enabled packs,
   * which holds the thread for seconds in a large library.
   */
  matcher?: () => Promise<Matcher>;
  /** Pauses between items (lib/feeds/work-slices.ts); none: the work runs at once. */
  pause?: Pause;
}

/** A fetched feed: its record as it will be noted, and its new items, ready to write, when there are any. */
interface Fetched {
  record: FeedRecord;
  prepared?: PreparedFeedItems;
}

function failed(feed: FeedRecord, message: string, now: number): FeedRecord {
  const failures = feed.failures + 1;
  return { ...feed, lastFetchAt: now, lastOutcome: 'failed', error: message, failures, nextFetchAt: nextFetchAt(now, failures) };
}

/**
 * Downloads and parses one feed, and makes its new items into linked rows (outside any
 * transaction, pausing between items); never throws (an unexpected failure is noted on the feed).
 */
async function fetchParsed(db: BackstoryDatabase, feed: FeedRecord, options: RefreshOptions): Promise<Fetched> {
  const clock = options.now ?? Date.now;
  try {
    const download = await downloadFeed(feed.url, { fetch: options.fetch, etag: feed.etag, lastModified: feed.lastModified, timeLimitMs: options.timeLimitMs });
    const now = clock();
    if (download.kind === 'failed') return { record: failed(feed, download.message, now) };
    const ok: FeedRecord = { ...feed, lastFetchAt: now, error: undefined, failures: 0, nextFetchAt: nextFetchAt(now, 0) };
    if (download.kind === 'not-modified') return { record: { ...ok, lastOutcome: 'unchanged', lastNewItems: 0, lastSkippedItems: 0, lastNotKeptItems: 0 } };
    const pause = options.pause ?? (() => undefined);
    const parsed = await parseFeedText(decodeFeed(download.bytes, download.contentType), feed.url, pause);
    // Validators are not kept for a bad answer: the same bad file is looked at again next time.
    if (!parsed.ok) return { record: failed({ ...feed, etag: undefined, lastModified: undefined }, parsed.message, now) };
    const record = { ...ok, lastSkippedItems: parsed.feed.skipped, title: parsed.feed.title ?? feed.title, siteUrl: parsed.feed.link ?? feed.siteUrl, etag: download.etag, lastModified: download.lastModified };
    const matcher = options.matcher ?? (() => libraryMatcher(db, []));
    return { record, prepared: await prepareFeedItems(db, record, parsed.feed, { now, matcher, pause }) };
  } catch (error) {
    console.warn(`Backstory: fetching the feed ${feed.url} failed`, error);
    return { record: failed(feed, 'The fetch failed unexpectedly; it is tried again later.', clock()) };
  }
}

/**
 * Writes fetched feeds in one transaction: one revision, so tabs rescan and the
 * background re-indexes once per round, not once per feed. The items come prepared, so
 * the transaction only compares and writes. A feed unfollowed while it was being fetched
 * is left out.
 */
async function writeFetched(db: BackstoryDatabase, fetched: readonly Fetched[]): Promise<FeedRecord[]> {
  let changed = false;
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    const noted: FeedRecord[] = [];
    for (const { record, prepared } of fetched) {
      if (!(await getFeed(db, record.id))) continue;
      let next = record;
      if (prepared) {
        const written = await writePreparedFeedItems(db, prepared, { now: record.lastFetchAt ?? Date.now() });
        changed ||= written.changed;
        next = { ...record, lastOutcome: written.added > 0 ? 'new' : 'unchanged', lastNewItems: written.added, lastNotKeptItems: written.notKept };
      }
      await saveFeed(db, next);
      noted.push(next);
    }
    return noted;
    // A round that brought nothing new (every item known) bumps no revision: no rescan, no re-index.
  }, { changed: () => changed });
}

/** Fetches one feed now and returns its updated record; undefined when it is not followed. */
export async function refreshFeed(db: BackstoryDatabase, id: string, options: RefreshOptions): Promise<FeedRecord | undefined> {
  const feed = await getFeed(db, id);
  if (!feed) return undefined;
  const [noted] = await writeFetched(db, [await fetchParsed(db, feed, options)]);
  return noted;
}

/**
 * Feeds fetched at once in a round: one that hangs (up to the 60 s time limit) no longer
 * holds up all the others, and the background still holds at most this many answers
 * (10 MB each at most) in memory. Parsing stays one at a time (it is synchronous).
 */
const FETCHES_AT_ONCE = 4;

/** `work` on each of `items`, at most `limit` at once; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Fetches every followed feed that is due, a few at a time, then writes them all at
 * once. One feed's failure never stops the others. Returns how many were fetched.
 */
export async function refreshDueFeeds(db: BackstoryDatabase, options: RefreshOptions): Promise<number> {
  const due = dueFeeds(await listFeeds(db), (options.now ?? Date.now)());
  const fetched = await inPool(due, FETCHES_AT_ONCE, (feed) => fetchParsed(db, feed, options));
  if (fetched.length > 0) await writeFetched(db, fetched);
  return due.length;
}
