/**
 * What a page says about itself outside its text: meta tags, `<link rel=canonical>`,
 * `<time>`, JSON-LD. Read before Readability runs, which changes the document.
 */
import { safeHttpUrl } from '../text/safe-url';
import { articleNode, isArticleNode, jsonLdNodes, jsonLdStrings, type JsonLdNode } from './json-ld';
import { normalizeDate } from './normalize-date';

/** What {@link readPageMetadata} found; every field may be missing. */
export interface PageMetadata {
  headline?: string;
  /** The page's own `<h1>`: the only one in its `<article>` or `<main>`, else the only one on the page. */
  heading?: string;
  author: string[];
  /** ISO 8601 date or date-time. */
  datePublished?: string;
  siteName?: string;
  /** The page's canonical http(s) URL, else its own URL without the fragment. */
  url?: string;
  language?: string;
  description?: string;
  /** The page says it is an article: JSON-LD `*Article`/`BlogPosting`, or `og:type` article. */
  declaresArticle: boolean;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];
const AUTHOR_META = ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="parsely-author"]', 'meta[name="byl"]'];
/** Where the article's own heading sits, most specific first. */
const HEADING_SCOPES = ['article', 'main', '[role="main"]', 'body'];
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u;
const BY_PREFIX = /^by\s+/iu;

/**
 * Reads a page's metadata. `pageUrl` is where the page was loaded from: relative
 * canonical links resolve against it, and it is the URL when the page names none.
 */
export function readPageMetadata(doc: Document, pageUrl: string | undefined): PageMetadata {
  const ld = articleNode(jsonLdNodes(doc));
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const firstMeta = (selectors: string[]) => selectors.map(meta).find(Boolean);

  return {
    headline: firstOf(jsonLdStrings(ld?.headline)[0], meta('meta[property="og:title"]')),
    heading: pageHeading(doc),
    author: authors(ld, firstMeta(AUTHOR_META) ?? relAuthor(doc)),
    datePublished: publishedDate(doc, ld, firstMeta(DATE_META)),
    siteName: firstOf(
      meta('meta[property="og:site_name"]'),
      jsonLdStrings(ld?.publisher)[0],
      meta('meta[name="application-name"]'),
    ),
    url: canonicalUrl(doc, ld, pageUrl),
    language: language(doc, ld),
    description: firstOf(meta('meta[name="description"]'), meta('meta[property="og:description"]')),
    declaresArticle: isArticleNode(ld) || meta('meta[property="og:type"]')?.toLowerCase() === 'article',
  };
}

function firstOf(...values: Array<string | undefined>): string | undefined {
  return values.find((v) => v !== undefined && v.trim() !== '')?.trim();
}

/** Meta tags first (what the publisher states), then JSON-LD, then the first `<time datetime>`. */
function publishedDate(doc: Document, ld: JsonLdNode | undefined, metaDate: string | undefined): string | undefined {
  const candidates = [
    metaDate,
    ...jsonLdStrings(ld?.datePublished),
    ...jsonLdStrings(ld?.dateCreated),
    doc.querySelector('article time[datetime], time[datetime][itemprop="datePublished"], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate);
    if (date) return date;
  }
  return undefined;
}

function authors(ld: JsonLdNode | undefined, metaAuthor: string | undefined): string[] {
  // An `article:author` is often a profile URL rather than a name.
  const fromLd = jsonLdStrings(ld?.author).filter((name) => !safeHttpUrl(name));
  const names = fromLd.length > 0 ? fromLd : metaAuthor && !safeHttpUrl(metaAuthor) ? [metaAuthor] : [];
  return [...new Set(names.map((name) => name.replace(BY_PREFIX, '').trim()).filter(Boolean))];
}

function pageHeading(doc: Document): string | undefined {
  for (const scope of HEADING_SCOPES) {
    const headings = [...doc.querySelectorAll(`${scope} h1`)].filter((h) => !h.closest('[contenteditable]:not([contenteditable="false" i]), [hidden]'));
    if (headings.length === 1) return firstOf(headings[0]!.textContent?.replace(/\s+/gu, ' '));
    if (headings.length > 1) return undefined;
  }
  return undefined;
}

/** A byline link marked as the author's (`<a rel="author">Jane Doe</a>`). */
function relAuthor(doc: Document): string | undefined {
  return firstOf(doc.querySelector('a[rel~="author"]')?.textContent?.replace(/\s+/gu, ' '));
}

function canonicalUrl(doc: Document, ld: JsonLdNode | undefined, pageUrl: string | undefined): string | undefined {
  const candidates = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    ...jsonLdStrings(ld?.url),
  ];
  for (const candidate of candidates) {
    const url = resolveHttpUrl(candidate?.trim(), pageUrl);
    if (url) return url;
  }
  const own = safeHttpUrl(pageUrl);
  if (!own) return undefined;
  const parsed = new URL(own);
  parsed.hash = '';
  return parsed.href;
}

function resolveHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return safeHttpUrl(new URL(href, base).href);
  } catch {
    return undefined;
  }
}

function language(doc: Document, ld: JsonLdNode | undefined): string | undefined {
  const candidates = [
    doc.documentElement.getAttribute('lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
    ...jsonLdStrings(ld?.inLanguage),
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content')?.replace('_', '-'),
  ];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && LANGUAGE_TAG.test(c));
}
