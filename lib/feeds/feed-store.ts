/**
 * The feeds the user follows, one `meta` row each (`feed/<packId>`): where the feed is,
 * its settings, and how its last fetches went. Each feed's articles are a pack of its
 * own (lib/feeds/feed-pack.ts), whose id is the feed's id.
 */
import type { BackstoryDatabase } from '../db/database';

export interface FeedRecord {
  /** Also the id of the feed's pack. */
  id: string;
  url: string;
  /** The feed's own title once fetched, else what the page or the OPML file called it. */
  title?: string;
  /** The site's address, from the feed. */
  siteUrl?: string;
  /** Epoch milliseconds. */
  followedAt: number;
  /** Articles kept: those of the last `retentionDays` days, at most `maxItems`. */
  retentionDays: number;
  maxItems: number;
  /**
   * Whether, for items that carry only a summary, the article page is fetched and read
   * for the full text (lib/feeds/full-articles.ts). Off (absent) unless the user turns it on.
   */
  fullArticles?: boolean;
  /** Validators of the last good answer (If-None-Match / If-Modified-Since). */
  etag?: string;
  lastModified?: string;
  /** Epoch milliseconds of the last fetch, whatever its outcome. */
  lastFetchAt?: number;
  lastOutcome?: 'new' | 'unchanged' | 'failed';
  /** New articles the last successful fetch added. */
  lastNewItems?: number;
  /** Items the last successful fetch left out for having neither a title nor any text. */
  lastSkippedItems?: number;
  /** Items of the last fetch that retention did not keep (older than its days, or past its count). */
  lastNotKeptItems?: number;
  /** For 'failed': what went wrong, as a sentence. */
  error?: string;
  /** Fetches in a row that failed: the backoff (lib/feeds/feed-schedule.ts). */
  failures: number;
  /** Epoch milliseconds; due when at or before now. */
  nextFetchAt: number;
}

const DEFAULT_RETENTION_DAYS = 90;
const DEFAULT_MAX_ITEMS = 1000;

const PREFIX = 'feed/';
const feedKey = (id: string) => `${PREFIX}${id}`;

/** 32-bit FNV-1a of a string, as 8 hex digits: a short stable id for an address. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A feed's address as Backstory keeps it: without a fragment or an empty query, scheme
 * and host lowercased (URL does that), so that `HTTP://h/feed.xml#x` and
 * `http://h/feed.xml?` are the feed `http://h/feed.xml`, followed once. Every way of
 * following (popup, typed address, OPML) goes through it. Throws when `url` is no URL.
 */
export function normalizeFeedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  // An empty query ("feed.xml?") reads as "" but stays in href until set.
  if (parsed.search === '') parsed.search = '';
  return parsed.href;
}

/** The feed's id (and its pack's): the same address, however written, always gives the same id. */
export function feedIdOf(url: string): string {
  return `feed-${shortHash(normalizeFeedUrl(url))}`;
}

/**
 * What a feed is called: its title once known, else its address without the scheme
 * ("127.0.0.1:8765/feed.xml"), so two feeds of one site can be told apart, on screen and
 * in their buttons' names.
 */
export function feedName(feed: { url: string; title?: string }): string {
  if (feed.title) return feed.title;
  const { host, pathname, search } = new URL(feed.url);
  return `${host}${pathname === '/' ? '' : pathname}${search}`;
}

/** Why `url` cannot be followed, as a sentence; undefined when it can. Any http(s) address the user chose may be followed, local ones included. */
export function feedAddressProblem(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'A feed address starts with https:// or http://.';
    return undefined;
  } catch {
    return 'That is not a web address.';
  }
}

/** The feed list's order: by name as shown, ignoring case and accents ("économie" beside "Economy"), numbers by value. */
const BY_NAME = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The followed feeds, by name (see {@link BY_NAME}). */
export async function listFeeds(db: BackstoryDatabase): Promise<FeedRecord[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return rows.map((row) => row.value as FeedRecord).sort((a, b) => BY_NAME.compare(feedName(a), feedName(b)));
}

export async function getFeed(db: BackstoryDatabase, id: string): Promise<FeedRecord | undefined> {
  return (await db.meta.get(feedKey(id)))?.value as FeedRecord | undefined;
}

export async function saveFeed(db: BackstoryDatabase, feed: FeedRecord): Promise<void> {
  await db.meta.put({ key: feedKey(feed.id), value: feed });
}

/** Follows a feed (due at once); following one already followed changes nothing. Returns its record. */
export async function followFeed(db: BackstoryDatabase, input: { url: string; title?: string }, now = Date.now()): Promise<FeedRecord> {
  const url = normalizeFeedUrl(input.url);
  const id = feedIdOf(url);
  const existing = await getFeed(db, id);
  if (existing) return existing;
  const feed: FeedRecord = {
    id,
    url,
    title: input.title?.trim() || undefined,
    followedAt: now,
    retentionDays: DEFAULT_RETENTION_DAYS,
    maxItems: DEFAULT_MAX_ITEMS,
    failures: 0,
    nextFetchAt: now,
  };
  await saveFeed(db, feed);
  return feed;
}

/**
 * Follows several feeds in one write (an OPML file): those not followed yet are added, due
 * at once. Returns the records added and how many were followed already (or listed twice).
 */
export async function followFeeds(db: BackstoryDatabase, inputs: ReadonlyArray<{ url: string; title?: string }>, now = Date.now()): Promise<{ added: FeedRecord[]; alreadyFollowed: number }> {
  return db.transaction('rw', db.meta, async () => {
    const added: FeedRecord[] = [];
    let alreadyFollowed = 0;
    for (const input of inputs) {
      if (await getFeed(db, feedIdOf(input.url))) alreadyFollowed++;
      else added.push(await followFeed(db, input, now));
    }
    return { added, alreadyFollowed };
  });
}

/** The user's choices for one feed: what a backup carries beside its pack. */
export type FeedChoices = Pick<FeedRecord, 'retentionDays' | 'maxItems' | 'fullArticles'>;

/** A followed feed's choices, as a backup keeps them. */
export function feedChoicesOf(feed: FeedRecord): FeedChoices {
  return { retentionDays: feed.retentionDays, maxItems: feed.maxItems, ...(feed.fullArticles ? { fullArticles: true } : {}) };
}

/**
 * After a restore: the feeds followed are those whose packs the backup holds (a feed's
 * pack carries its address), each due at once, with the choices the backup kept for it
 * (the defaults for a backup made before it kept them). Call inside the restore's
 * transaction, which includes `meta`.
 */
export async function refollowRestoredFeeds(
  db: BackstoryDatabase,
  packs: ReadonlyArray<{ id: string; name: string; source: { kind: string; url?: string }; installedAt: number; feedChoices?: FeedChoices }>,
  now = Date.now(),
): Promise<void> {
  await db.meta.where('key').startsWith(PREFIX).delete();
  for (const pack of packs) {
    if (pack.source.kind !== 'feed' || !pack.source.url) continue;
    await saveFeed(db, {
      id: pack.id,
      url: pack.source.url,
      title: pack.name,
      followedAt: pack.installedAt,
      retentionDays: DEFAULT_RETENTION_DAYS,
      maxItems: DEFAULT_MAX_ITEMS,
      ...pack.feedChoices,
      failures: 0,
      nextFetchAt: now,
    });
  }
}

/** Forgets that a feed is followed (its pack was removed); returns the record, for an undo. */
export async function forgetFeedRecord(db: BackstoryDatabase, id: string): Promise<FeedRecord | undefined> {
  const feed = await getFeed(db, id);
  if (feed) await db.meta.delete(feedKey(id));
  return feed;
}

/** Turns reading full articles from the feed's site on or off; returns the record as saved. */
export async function setFeedFullArticles(db: BackstoryDatabase, id: string, on: boolean): Promise<FeedRecord | undefined> {
  const feed = await getFeed(db, id);
  if (!feed) return undefined;
  const next = { ...feed, fullArticles: on };
  await saveFeed(db, next);
  return next;
}

/** Changes a feed's retention settings. */
export async function setFeedRetention(db: BackstoryDatabase, id: string, settings: { retentionDays: number; maxItems: number }): Promise<void> {
  const feed = await getFeed(db, id);
  if (feed) await saveFeed(db, { ...feed, ...settings });
}
