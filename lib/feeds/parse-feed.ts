/**
 * Reads a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into plain items, with feedsmith: a
 * maintained parser that needs no DOM (it runs on fast-xml-parser), so it works in the
 * service worker as it is. It never expands entities declared in a DOCTYPE (billion
 * laughs, external entities stay inert text) and reads no network. Everything taken
 * from the feed is capped: items per feed, characters per field.
 */
import { parseFeed as feedsmithParse } from 'feedsmith';
import { normalizeDate } from '../extract/normalize-date';
import { htmlToLine, htmlToText } from './html-text';
import { FEED_LIMITS } from './feed-limits';
import { runInSlices, type Pause } from './work-slices';

/** One entry of a feed, as text. */
export interface FeedItem {
  /** The item's guid / id, else its address. */
  guid?: string;
  /** Absolute http(s) address of the article. */
  url?: string;
  headline: string;
  author: string[];
  /** ISO 8601 date or date-time; absent when the feed's date is missing or unreadable. */
  datePublished?: string;
  /** Full content when the feed carries it, else the summary; paragraphs separated by a blank line. */
  body: string;
  /** The summary, when there is one apart from the full content. */
  description?: string;
  /**
   * Whether the feed gave only a summary (no full content, or content no longer than the
   * summary or than {@link FULL_TEXT_MIN_CHARS}): then, where the user allowed it for the
   * feed, the article page is read for the full text (lib/feeds/full-articles.ts).
   */
  summaryOnly: boolean;
}

/** Below this many characters, an item's content is a teaser, not the article (a real article is longer). */
const FULL_TEXT_MIN_CHARS = 500;

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  /** The site's address. */
  link?: string;
  items: FeedItem[];
  /** Items left out because they have neither a title nor any text (an empty article helps no one). */
  skipped: number;
}

/** Some letter or digit: a title or text of spaces, zero-width characters or punctuation only is empty. */
const READABLE = /[\p{L}\p{N}]/u;

export type ParseFeedResult = { ok: true; feed: ParsedFeed } | { ok: false; message: string };

type Loose = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Atom text constructs are `{ value, type }`; the others are strings. */
const textOf = (value: unknown): string | undefined => str(value) ?? str(obj(value).value);

/** An absolute http(s) address, `href` read against `base`; undefined for anything else (javascript:, mailto:). */
export function resolveLink(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function line(value: unknown, plain = false): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  return (plain ? text.replace(/\s+/gu, ' ').trim().slice(0, FEED_LIMITS.maxLineChars) : htmlToLine(text, FEED_LIMITS.maxLineChars)) || undefined;
}

/** Atom says what its text is (`type`, text by default): only html and xhtml are read as markup. */
const atomLine = (value: unknown) => line(textOf(value), !['html', 'xhtml'].includes(str(obj(value).type) ?? 'text'));

function people(values: unknown[]): string[] {
  const names = values.map((p) => line(str(p) ?? obj(p).name)).filter((n): n is string => !!n);
  return [...new Set(names)].slice(0, FEED_LIMITS.maxAuthors);
}

function bodyOf(full: string | undefined, summary: string | undefined, plain = false): Pick<FeedItem, 'body' | 'description' | 'summaryOnly'> {
  const cap = FEED_LIMITS.maxBodyChars;
  const read = (text: string) => (plain ? text.replace(/\r\n?/gu, '\n').slice(0, cap).trim() : htmlToText(text, cap));
  const body = full ? read(full) : '';
  const description = summary ? htmlToLine(summary, FEED_LIMITS.maxSummaryChars) : undefined;
  const summaryOnly = body.length < FULL_TEXT_MIN_CHARS || body.length <= (description?.length ?? 0);
  return { body: body || (summary ? htmlToText(summary, cap) : ''), description: body && description ? description : undefined, summaryOnly };
}

function rssItem(item: Loose, base: string | undefined): FeedItem {
  const guid = obj(item.guid);
  const dc = obj(item.dc);
  const link = str(item.link) ?? (guid.isPermaLink !== false ? str(guid.value) : undefined);
  return {
    guid: str(guid.value)?.trim() || undefined,
    url: resolveLink(link, base),
    headline: line(item.title) ?? '',
    author: people([...arr(item.authors), ...arr(dc.creators), ...(str(dc.creator) ? [dc.creator] : [])]),
    datePublished: normalizeDate(str(item.pubDate) ?? str(dc.date) ?? str(arr(dc.dates)[0])),
    ...bodyOf(str(obj(item.content).encoded), str(item.description)),
  };
}

function atomEntry(entry: Loose, base: string | undefined): FeedItem {
  const entryBase = resolveLink(str(obj(entry.xml).base), base) ?? base;
  const links = arr(entry.links).map(obj);
  const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const content = obj(entry.content);
  return {
    guid: str(entry.id)?.trim() || undefined,
    url: resolveLink(str(link?.href), entryBase),
    headline: atomLine(entry.title) ?? '',
    author: people(arr(entry.authors)),
    datePublished: normalizeDate(str(entry.published) ?? str(entry.updated)),
    ...bodyOf(textOf(content), textOf(entry.summary), content.type === 'text'),
  };
}

function jsonItem(item: Loose, base: string | undefined): FeedItem {
  const html = str(item.content_html);
  const text = str(item.content_text);
  return {
    guid: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined),
    url: resolveLink(str(item.url) ?? str(item.external_url), base),
    headline: line(item.title) ?? '',
    author: people([...arr(item.authors), ...(item.author ? [item.author] : [])]),
    datePublished: normalizeDate(str(item.date_published) ?? str(item.date_modified)),
    ...(html ? bodyOf(html, str(item.summary)) : bodyOf(text, str(item.summary), true)),
  };
}

/** Same guid, or same address: the first one stays. */
function withoutDuplicates(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const keys = [item.guid && `g:${item.guid}`, item.url && `u:${item.url}`].filter((k): k is string => !!k);
    if (keys.some((k) => seen.has(k))) return false;
    keys.forEach((k) => seen.add(k));
    return true;
  });
}

/**
 * Parses a feed's text; `feedUrl` is where it was fetched, against which relative
 * links are read (after the feed's own xml:base). Items with neither a headline nor any
 * text (no letter or digit in either) are left out and counted; only the first {@link FEED_LIMITS.maxItems} are read. A generator
 * that yields after each item: the XML is parsed in one go (feedsmith has no steps), the
 * items, whose HTML-to-text is most of the work, one by one.
 */
function* parseFeedSteps(text: string, feedUrl?: string): Generator<void, ParseFeedResult> {
  if (text.length > FEED_LIMITS.maxTextChars) return { ok: false, message: 'The feed is too large.' };
  let parsed: ReturnType<typeof feedsmithParse>;
  try {
    const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
    parsed = feedsmithParse(trimmed);
  } catch {
    return { ok: false, message: 'This address does not give a feed Backstory can read (RSS, Atom or JSON Feed).' };
  }
  yield;
  const feed = obj(parsed.feed);
  const base = resolveLink(str(obj(feed.xml).base), feedUrl) ?? feedUrl;
  const siteLink = parsed.format === 'atom' ? str(arr(feed.links).map(obj).find((l) => !l.rel || l.rel === 'alternate')?.href) : str(feed.link) ?? str(feed.home_page_url);
  const raw = arr(parsed.format === 'atom' ? feed.entries : feed.items).slice(0, FEED_LIMITS.maxItems).map(obj);
  const read = parsed.format === 'atom' ? atomEntry : parsed.format === 'json' ? jsonItem : rssItem;
  const all: FeedItem[] = [];
  let skipped = 0;
  for (const item of raw) {
    const one = read(item, base);
    if (READABLE.test(one.headline) || READABLE.test(one.body)) all.push(one);
    else skipped++;
    yield;
  }
  const items = withoutDuplicates(all);
  for (const item of items) if (!item.headline) item.headline = item.body.split('\n')[0]!.slice(0, 120);
  return { ok: true, feed: { format: parsed.format, title: parsed.format === 'atom' ? atomLine(feed.title) : line(feed.title), link: resolveLink(siteLink, base), items, skipped } };
}

/** Parses a feed's text ({@link parseFeedSteps}), calling `pause` between items (lib/feeds/work-slices.ts); without one, at once. */
export function parseFeedText(text: string, feedUrl?: string, pause: Pause = () => undefined): Promise<ParseFeedResult> {
  return runInSlices(parseFeedSteps(text, feedUrl), pause);
}
