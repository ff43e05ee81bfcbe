/**
 * The article of a web page, as the pack format wants it, extracted with Mozilla's
 * Readability (the engine of Firefox's Reader View). Pure: the DOM is passed in, so the
 * same code runs in a page's isolated world, in unit tests and in the Node pack builder.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { blockParagraphs } from './block-text';
import { splitByline } from './byline';
import { readPageMetadata } from './metadata';
import { normalizeDate } from './normalize-date';
import { siteNameAround, stripSiteName } from './title-parts';
import { removeUnreadRegions } from './unread-regions';

/** An article read from a page; the user can correct every field before saving. */
export interface ExtractedArticle {
  headline: string;
  author: string[];
  /** ISO 8601 date or date-time. */
  datePublished?: string;
  /** The site or publication. */
  publisher?: string;
  /** Canonical http(s) URL. */
  url?: string;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  /** BCP 47 tag. */
  inLanguage?: string;
  /** Whether Readability judges the page an article (`isProbablyReaderable`), not a front page or a list. */
  readerable: boolean;
  /** Whether the page says it is an article (JSON-LD or Open Graph). */
  declaresArticle?: boolean;
  description?: string;
}

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; code: 'no-article'; message: string };

export interface ExtractOptions {
  /** Where the document was loaded from (`location.href`); a parsed document may not know. */
  url?: string;
}

/** Below this much text, what Readability found is a teaser or a navigation page, not an article. */
const MIN_ARTICLE_CHARS = 200;
/** Readability's work bound on huge pages (elements); past it, it gives up rather than hang the tab. */
const MAX_ELEMENTS_TO_PARSE = 50_000;
const BY_PREFIX = /^\s*by\s+/iu;
const MAX_BYLINE_CHARS = 120;
/** Headline plus byline plus date line: what can precede the text. */
const MAX_LEADING_CHROME = 3;

/**
 * Extracts the main article of `doc`. The document is not changed (Readability works
 * on a copy). Never throws for a page without an article: says so with a code.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const pageUrl = options.url ?? (doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined);
  const metadata = readPageMetadata(doc, pageUrl);
  const copy = doc.cloneNode(true) as Document;
  removeUnreadRegions(doc, copy);
  const parsed = new Readability<Node>(copy, {
    serializer: (node) => node,
    maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
  }).parse();

  const siteNames = [metadata.siteName, parsed?.siteName].filter((name): name is string => !!name);
  const title = firstText(metadata.headline, metadata.heading, parsed?.title, doc.title);
  const headline = title && stripSiteName(title, siteNames, metadata.heading);
  const byline = splitByline(parsed?.byline);
  const authors = metadata.author.length > 0 ? metadata.author : byline.author;
  const paragraphs = dropLeadingChrome(parsed?.content ? blockParagraphs(parsed.content) : [], headline, authors);
  const text = paragraphs.join('\n\n');
  if (!headline || text.length < MIN_ARTICLE_CHARS) {
    return { ok: false, code: 'no-article', message: 'This page has no article that Backstory can read.' };
  }

  return {
    ok: true,
    article: {
      headline,
      author: authors,
      datePublished: metadata.datePublished ?? byline.datePublished,
      publisher: firstText(metadata.siteName, parsed?.siteName, headline && siteNameAround(doc.title, headline)),
      url: metadata.url,
      text,
      inLanguage: metadata.language,
      readerable: isProbablyReaderable(doc),
      declaresArticle: metadata.declaresArticle,
      // Readability's excerpt is the first paragraph, which can be the byline line.
      description: firstText(metadata.description, parsed?.excerpt && !isBylineLine(parsed.excerpt, authors) ? parsed.excerpt : undefined),
    },
  };
}

function firstText(...values: Array<string | null | undefined>): string | undefined {
  for (const value of values) {
    const text = value?.replace(/\s+/gu, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

/**
 * Readability keeps the headline and the byline line when they sit inside the article
 * element (it only drops a byline when the page's metadata named no author): they are
 * fields of their own, not the first paragraphs of the text.
 */
function dropLeadingChrome(paragraphs: string[], headline: string | undefined, authors: string[]): string[] {
  let start = 0;
  if (headline && paragraphs[start] === headline) start++;
  while (start < paragraphs.length && start < MAX_LEADING_CHROME && isBylineLine(paragraphs[start]!, authors)) start++;
  return paragraphs.slice(start);
}

function isBylineLine(paragraph: string, authors: string[]): boolean {
  if (paragraph.length > MAX_BYLINE_CHARS) return false;
  return BY_PREFIX.test(paragraph) || authors.some((name) => paragraph.includes(name)) || normalizeDate(paragraph) !== undefined;
}
