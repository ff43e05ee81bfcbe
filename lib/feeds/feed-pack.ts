/**
 * A followed feed's articles, kept as a pack of its own: enabled, disabled, exported,
 * searched and removed like any pack. A fetch adds only the items the pack does not
 * have yet (same guid, or same canonical address), links each to the names the library
 * knows, and then applies the feed's retention (the last N days, at most M articles).
 */
import * as v from 'valibot';
import type { BackstoryDatabase } from '../db/database';
import { withMentions } from '../db/article-mention-keys';
import type { ArticleRow, PackRow } from '../db/rows';
import { pagesOfPack, rowsOfPack } from '../kb/keys';
import { dropRemovedRows } from '../kb/removed-packs';
import type { Matcher } from '../matcher';
import { mentionsFound } from '../kb/my-articles';
import { packToRows } from '../kb/pack-to-rows';
import { writeLibrary } from '../kb/write-library';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PackArticleSchema, type Pack, type PackArticle } from '../pack/schema';
import { comparableUrl } from '../text/safe-url';
import { feedName, type FeedRecord } from './feed-store';
import { summaryOnlyMark } from './full-articles';
import type { Pause } from './work-slices';
import type { FeedItem, ParsedFeed } from './parse-feed';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Articles made into rows, read or written per step: each step stays a few milliseconds. */
const ROWS_AT_ONCE = 20;
const FEED_PACK_VERSION = '1.0.0';

/** An article id from the item's guid (else address, else headline): the same item always gets the same id. */
function articleIdOf(item: FeedItem): string {
  const basis = item.guid ?? item.url ?? item.headline;
  let hash = 0x811c9dc5;
  let hash2 = 0;
  for (let i = 0; i < basis.length; i++) {
    hash = Math.imul(hash ^ basis.charCodeAt(i), 0x01000193);
    hash2 = (Math.imul(hash2, 31) + basis.charCodeAt(i)) | 0;
  }
  return `item-${(hash >>> 0).toString(16)}${(hash2 >>> 0).toString(16)}`;
}

/** The item as a pack article; undefined when the pack format would refuse it (then it is skipped). */
function packArticleOf(item: FeedItem, publisher: string | undefined): PackArticle | undefined {
  const candidate = Object.fromEntries(
    Object.entries({
      id: articleIdOf(item),
      headline: item.headline,
      url: item.url,
      author: item.author.length > 0 ? item.author : undefined,
      datePublished: item.datePublished,
      publisher,
      description: item.description,
      articleBody: item.body || undefined,
      ...summaryOnlyMark(item.summaryOnly),
    }).filter(([, value]) => value !== undefined),
  );
  const parsed = v.safeParse(PackArticleSchema, candidate);
  return parsed.success ? parsed.output : undefined;
}

function feedPack(feed: FeedRecord, title: string, articles: PackArticle[]): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    pack: {
      id: feed.id,
      name: title,
      version: FEED_PACK_VERSION,
      description: `Articles from the feed ${feed.url}, fetched by Backstory.`,
      ...(feed.siteUrl ? { homepage: feed.siteUrl } : {}),
    },
    entities: [],
    articles,
  } as Pack;
}

/** Which articles retention drops: older than the window (by date), then the oldest beyond the count. Undated ones count as oldest. */
export function articlesToDrop(articles: readonly Pick<ArticleRow, 'key' | 'sortDate'>[], options: { now: number; retentionDays: number; maxItems: number }): string[] {
  const cutoff = new Date(options.now - options.retentionDays * DAY_MS).toISOString();
  const newestFirst = [...articles].sort((a, b) => (b.sortDate ?? '').localeCompare(a.sortDate ?? ''));
  return newestFirst.filter((a, index) => index >= options.maxItems || (!!a.sortDate && a.sortDate < cutoff.slice(0, a.sortDate.length))).map((a) => a.key);
}

export interface FeedWriteResult {
  /** Articles added by this fetch. */
  added: number;
  /** Articles retention removed. */
  dropped: number;
  /** New items retention did not keep at all (older than the window, or past the count). */
  notKept: number;
  /** Whether the library changed (a fetch that brings nothing new writes nothing). */
  changed: boolean;
}

/** A fetched feed's new items, made into rows and linked before the write (so the write's transaction is short). */
export interface PreparedFeedItems {
  feed: FeedRecord;
  title: string;
  /** The pack's row, for its first fetch. */
  pack: PackRow;
  /** New articles, with their mentions. */
  articles: ArticleRow[];
}

/**
 * Makes the items the pack does not have yet (by id, or canonical address) into article
 * rows linked to the names `matcher` knows, pausing between items. Reads the pack; writes
 * nothing: {@link writePreparedFeedItems} does, and checks again for items written meanwhile.
 */
export async function prepareFeedItems(
  db: BackstoryDatabase,
  feed: FeedRecord,
  parsed: ParsedFeed,
  options: { now: number; matcher: () => Promise<Matcher>; pause?: Pause },
): Promise<PreparedFeedItems> {
  const title = parsed.title || feedName(feed);
  const pause = options.pause ?? (() => undefined);
  // Keys only: reading the pack's rows whole (up to 1,000 articles with their text) would
  // hold the thread while they are turned into objects.
  const prefix = `${feed.id}/`;
  // No pack row: rows stored under its id are a removed pack's, deleted before these are written (lib/kb/removed-packs.ts).
  const installed = (await db.packs.get(feed.id)) !== undefined;
  const ids = new Set(installed ? (await rowsOfPack(db.articles, feed.id).primaryKeys()).map((key) => key.slice(prefix.length)) : []);
  const candidates: PackArticle[] = [];
  for (const item of parsed.items) {
    const article = packArticleOf(item, title);
    if (article && !ids.has(article.id)) candidates.push(article);
    await pause();
  }
  const urlKeys = candidates.map((a) => comparableUrl(a.url)).filter((key): key is string => !!key);
  const urls = new Set(installed ? (await db.articles.where('urlKey').anyOf(urlKeys).toArray()).filter((a) => a.packId === feed.id).map((a) => a.urlKey) : []);
  const fresh = candidates.filter((a) => !urls.has(comparableUrl(a.url)));
  const matcher = fresh.length > 0 ? await options.matcher() : undefined;
  let pack: PackRow | undefined;
  const articles: ArticleRow[] = [];
  // A few articles at a time through packToRows, then each linked: every step a short one.
  for (let at = 0; at < Math.max(1, fresh.length); at += ROWS_AT_ONCE) {
    const rows = packToRows(feedPack(feed, title, fresh.slice(at, at + ROWS_AT_ONCE)), { source: { kind: 'feed', url: feed.url }, now: options.now });
    pack ??= rows.pack;
    await pause();
    for (const row of rows.articles) {
      articles.push(withMentions(row, mentionsFound(row, matcher!)));
      await pause();
    }
  }
  return { feed, title, pack: pack!, articles };
}

/**
 * Writes prepared items into the feed's pack, creating the pack on the first fetch, then
 * applies retention. Call inside a `writeLibrary` (it joins it) or alone (its own).
 * Announced like every library write: tabs rescan, hovers show the new articles.
 */
export async function writePreparedFeedItems(db: BackstoryDatabase, prepared: PreparedFeedItems, options: { now: number }): Promise<FeedWriteResult> {
  const { feed, title } = prepared;
  const { now } = options;
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    // A removed feed pack's rows not deleted yet would count as this feed's articles.
    await dropRemovedRows(db, feed.id);
    // Read and written in pages: each page's rows are turned into objects (or cloned) in one stretch.
    const existing: ArticleRow[] = [];
    for await (const page of pagesOfPack(db.articles, feed.id, ROWS_AT_ONCE * 5)) existing.push(...page);
    const ids = new Set(existing.map((a) => a.id));
    const urls = new Set(existing.map((a) => a.urlKey).filter(Boolean));
    // Items another write added since they were prepared are not added twice.
    const added = prepared.articles.filter((a) => !ids.has(a.id) && !(a.urlKey && urls.has(a.urlKey)));
    const drop = articlesToDrop([...existing, ...added], { now, retentionDays: feed.retentionDays, maxItems: feed.maxItems });
    const dropped = new Set(drop);
    const kept = added.filter((a) => !dropped.has(a.key));
    for (let at = 0; at < kept.length; at += ROWS_AT_ONCE) await db.articles.bulkPut(kept.slice(at, at + ROWS_AT_ONCE));
    const stored = new Set(existing.map((a) => a.key));
    await db.articles.bulkDelete(drop.filter((key) => stored.has(key)));
    const previous = await db.packs.get(feed.id);
    const count = existing.length + kept.length - existing.filter((a) => dropped.has(a.key)).length;
    if (previous && kept.length === 0 && count === existing.length && previous.name === title) return { added: 0, dropped: 0, notKept: added.length, changed: false };
    await db.packs.put({
      ...(previous ?? prepared.pack),
      name: title,
      updatedAt: now,
      entityCount: 0,
      articleCount: count,
    });
    return { added: kept.length, dropped: drop.length - (added.length - kept.length), notKept: added.length - kept.length, changed: true };
  }, { changed: (result) => result.changed });
}
