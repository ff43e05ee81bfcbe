/**
 * Before an address the user typed is followed, it is asked once: a feed is followed as
 * it is; a web page is read for the feeds it advertises (autodiscovery, as feed readers
 * do) and the first is followed, the others named; an address that answers with an error
 * or gives neither is refused with a sentence, instead of becoming a feed that fails
 * every two hours. Feeds that fail later keep their back-off (lib/feeds/feed-schedule.ts).
 */
import type { AdvertisedFeed } from '../messages/protocol';
import { advertisedFeedsInHtml } from './advertised-feeds';
import { decodeFeed } from './decode-feed';
import { downloadFeed, type FetchLike } from './fetch-feed';
import { parseFeedText } from './parse-feed';

export type FeedAddressCheck =
  | { ok: true; url: string; title?: string; /** The page the feed was found on, when the address was a page. */ foundOn?: string; /** The page's other feeds. */ others: AdvertisedFeed[] }
  | { ok: false; message: string };

/** A page rather than a feed: what a parse failure of HTML looks like. */
const LOOKS_LIKE_HTML = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/iu;

async function readFeedOrPage(url: string, fetch: FetchLike, timeLimitMs?: number) {
  const download = await downloadFeed(url, { fetch, timeLimitMs });
  if (download.kind === 'failed') return { kind: 'failed' as const, message: `${download.message} Check the address.` };
  if (download.kind === 'not-modified') return { kind: 'feed' as const };
  const text = decodeFeed(download.bytes, download.contentType);
  const parsed = await parseFeedText(text, url);
  if (parsed.ok) return { kind: 'feed' as const, title: parsed.feed.title };
  const isPage = LOOKS_LIKE_HTML.test(text.slice(0, 4096)) || /html/iu.test(download.contentType ?? '');
  return isPage ? { kind: 'page' as const, feeds: advertisedFeedsInHtml(text, url) } : { kind: 'failed' as const, message: parsed.message };
}

/** Asks `url` (and, when it is a page, the first feed it advertises) whether it can be followed. */
export async function checkFeedAddress(url: string, options: { fetch: FetchLike; timeLimitMs?: number }): Promise<FeedAddressCheck> {
  const read = await readFeedOrPage(url, options.fetch, options.timeLimitMs);
  if (read.kind === 'failed') return { ok: false, message: read.message };
  if (read.kind === 'feed') return { ok: true, url, ...(read.title ? { title: read.title } : {}), others: [] };
  const [first, ...others] = read.feeds;
  const host = new URL(url).host;
  if (!first) return { ok: false, message: `${host} sent a web page that names no feed (RSS, Atom or JSON Feed). Look on the site for a link to its feed, and follow that address.` };
  // One step only: a page whose feed link leads to another page is not followed further.
  const feed = await readFeedOrPage(first.url, options.fetch, options.timeLimitMs);
  if (feed.kind === 'failed') return { ok: false, message: `The page at ${host} names a feed (${first.url}), but it cannot be followed: ${feed.message}` };
  if (feed.kind === 'page') return { ok: false, message: `The page at ${host} names a feed (${first.url}), but that address is a web page too.` };
  const title = feed.title ?? first.title;
  return { ok: true, url: first.url, ...(title ? { title } : {}), foundOn: url, others };
}
