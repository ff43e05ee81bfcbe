/**
 * The feeds a page advertises in its head: `<link rel="alternate">` of an RSS, Atom or
 * JSON Feed type. Read by the content script for the popup's "Follow this site", and by
 * the background from a page's HTML when an address the user typed is a page rather
 * than a feed (autodiscovery, `advertisedFeedsInHtml`); one set of rules for both. The
 * page is untrusted, so addresses are resolved, kept to http(s), titles trimmed and capped.
 */
import { Parser } from 'htmlparser2';
import type { AdvertisedFeed } from '../messages/protocol';
import { resolveLink } from './parse-feed';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json+feed', 'application/rdf+xml']);
/** Feed links reported per page: a page cannot flood the popup. */
const MAX_FEEDS = 20;
const MAX_TITLE_CHARS = 200;

/** A `<link>` element's attributes, wherever it was read from. */
interface LinkAttributes {
  rel?: string | null;
  type?: string | null;
  href?: string | null;
  title?: string | null;
}

/** The feed links among `links`, each address once, in document order, resolved against `baseUrl`. */
function feedLinks(links: Iterable<LinkAttributes>, baseUrl: string): AdvertisedFeed[] {
  const feeds = new Map<string, AdvertisedFeed>();
  for (const link of links) {
    if (feeds.size >= MAX_FEEDS) break;
    if (!(link.rel ?? '').toLowerCase().split(/\s+/u).includes('alternate')) continue;
    const type = link.type?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!FEED_TYPES.has(type)) continue;
    const url = resolveLink(link.href ?? undefined, baseUrl);
    if (!url || feeds.has(url)) continue;
    const title = link.title?.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE_CHARS);
    feeds.set(url, { url, ...(title ? { title } : {}) });
  }
  return [...feeds.values()];
}

/** Feed links of `doc`, each address once, in document order. */
export function advertisedFeeds(doc: Pick<Document, 'querySelectorAll' | 'baseURI'>): AdvertisedFeed[] {
  const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel][type][href]')].map((link) => ({
    rel: link.getAttribute('rel'),
    type: link.getAttribute('type'),
    href: link.getAttribute('href'),
    title: link.getAttribute('title'),
  }));
  return feedLinks(links, doc.baseURI);
}

/**
 * Feed links of a page's HTML, read without a DOM (the service worker has none) with
 * htmlparser2's tokenizer; links resolve against the page's `<base href>` if it has one.
 */
export function advertisedFeedsInHtml(html: string, pageUrl: string): AdvertisedFeed[] {
  const links: LinkAttributes[] = [];
  let base = pageUrl;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'link') links.push(attributes);
      else if (name === 'base' && attributes.href && base === pageUrl) base = resolveLink(attributes.href, pageUrl) ?? pageUrl;
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return feedLinks(links, base);
}
