/**
 * The feeds a page advertises in its head: `<link rel="alternate">` of an RSS, Atom or
 * JSON Feed type. Read by the content script for the popup's "Follow this site"; the
 * page is untrusted, so addresses are resolved, kept to http(s), titles trimmed and capped.
 */
import type { AdvertisedFeed } from '../messages/protocol';
import { resolveLink } from './parse-feed';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json+feed', 'application/rdf+xml']);
/** Feed links reported per page: a page cannot flood the popup. */
const MAX_FEEDS = 20;
const MAX_TITLE_CHARS = 200;

/** Feed links of `doc`, each address once, in document order. */
export function advertisedFeeds(doc: Pick<Document, 'querySelectorAll' | 'baseURI'>): AdvertisedFeed[] {
  const feeds = new Map<string, AdvertisedFeed>();
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="alternate" i][type][href]')) {
    if (feeds.size >= MAX_FEEDS) break;
    const type = link.getAttribute('type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!FEED_TYPES.has(type)) continue;
    const url = resolveLink(link.getAttribute('href') ?? undefined, doc.baseURI);
    if (!url || feeds.has(url)) continue;
    const title = link.getAttribute('title')?.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE_CHARS);
    feeds.set(url, { url, ...(title ? { title } : {}) });
  }
  return [...feeds.values()];
}
