/**
 * Full articles for feeds that carry only summaries, where the user allowed it for the
 * feed (off by default): which article pages may be fetched, which items want one, and
 * how the full text replaces the summary. The fetching itself, spaced per site, is the
 * background's (entrypoints/background/full-articles.ts).
 */
import { getDomain } from 'tldts';
import type { BackstoryDatabase } from '../db/database';
import { withMentions } from '../db/article-mention-keys';
import type { ArticleRow } from '../db/rows';
import { pagesOfPack } from '../kb/keys';
import { mentionsFound } from '../kb/my-articles';
import { writeLibrary } from '../kb/write-library';
import type { Matcher } from '../matcher';
import { isPublicHost } from '../net/public-address';
import { FEED_LIMITS } from './feed-limits';
import type { FeedRecord } from './feed-store';

/** Extra properties of a feed article (kept in the row's `extra`, exported with the pack). */
const SUMMARY_ONLY = 'summaryOnly';
const FULL_TEXT_FAILED = 'fullTextFailed';
/** After a failure worth retrying, the waits before the second and third tries; none after the third. */
const RETRY_AFTER_MS = [60 * 60_000, 6 * 60 * 60_000];

/**
 * A page that could not be read: how often it was tried, and when it may be asked
 * again (never, when absent). `true` is an older row's mark: not asked again.
 */
type FullTextFailure = true | { tries: number; retryAt?: number };

/** Articles read at once when looking for those that want their page. */
const ROWS_PER_READ = 100;

/**
 * A host's site: its registrable domain by the Public Suffix List (`news.example.co.uk`
 * and `www.example.co.uk` are one site, `a.github.io` and `b.github.io` are two), or the
 * host itself for an IP address or a name without a public suffix (`127.0.0.1`, `localhost`).
 */
function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname.toLowerCase();
}

/** The site of an http(s) address, by {@link siteOf}: what requests are spaced by. */
export function siteOfUrl(url: string): string {
  return siteOf(new URL(url).hostname);
}

function parsedHttp(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether Backstory may fetch `articleUrl` for `feed`: an http(s) address on the feed's
 * own site (the site of the address the user followed), or on the site the feed names
 * as its own when that is a public address. The user chose the feed, so its site is what
 * they chose; a feed hosted by a feed service names its publisher's site, hence the second
 * rule, kept to public addresses so a feed cannot point Backstory at the user's network.
 */
export function mayFetchArticlePage(articleUrl: string | undefined, feed: Pick<FeedRecord, 'url' | 'siteUrl'>): boolean {
  const article = parsedHttp(articleUrl);
  const feedUrl = parsedHttp(feed.url);
  if (!article || !feedUrl) return false;
  const site = siteOf(article.hostname);
  if (site === siteOf(feedUrl.hostname)) return true;
  const declared = parsedHttp(feed.siteUrl);
  return !!declared && isPublicHost(declared.hostname) && isPublicHost(article.hostname) && site === siteOf(declared.hostname);
}

/** Pack-article properties of a feed item that gave only a summary: marked, so its page can be read later. */
export function summaryOnlyMark(summaryOnly: boolean): Record<string, true> {
  return summaryOnly ? { [SUMMARY_ONLY]: true } : {};
}

/** An article of a feed's pack whose page is to be read. */
export interface WantedPage {
  articleKey: string;
  url: string;
}

function mayTryAgain(failure: unknown, now: number): boolean {
  if (failure === undefined) return true;
  const retryAt = (failure as Exclude<FullTextFailure, true>).retryAt;
  return typeof retryAt === 'number' && retryAt <= now;
}

/**
 * The feed's articles that have only a summary, whose page was not tried yet or is due
 * another try, and may be fetched ({@link mayFetchArticlePage}); none when the feed's
 * full articles are off.
 */
export async function pagesWanted(db: BackstoryDatabase, feed: FeedRecord, now = Date.now()): Promise<WantedPage[]> {
  if (!feed.fullArticles) return [];
  // Read in pages, each in its own short read: a feed's pack holds up to 1,000 articles with their text.
  const articles: ArticleRow[] = [];
  for await (const page of pagesOfPack(db.articles, feed.id, ROWS_PER_READ)) {
    articles.push(...page.filter((a) => a.extra?.[SUMMARY_ONLY] === true && mayTryAgain(a.extra[FULL_TEXT_FAILED], now) && mayFetchArticlePage(a.url, feed)));
  }
  return articles
    .sort((a, b) => (b.sortDate ?? '').localeCompare(a.sortDate ?? ''))
    .map((a) => ({ articleKey: a.key, url: a.url! }));
}

function withoutMarks(extra: Record<string, unknown>): Record<string, unknown> | undefined {
  const rest = Object.fromEntries(Object.entries(extra).filter(([key]) => key !== SUMMARY_ONLY && key !== FULL_TEXT_FAILED));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Puts the full text read from its page in place of an article's summary (which becomes
 * its description), and links it again to the names the library knows. Nothing happens
 * when the article is gone or already has its full text (unfollowed, retention, a second
 * fetch). Returns whether it was written.
 */
export async function putFullText(db: BackstoryDatabase, input: { articleKey: string; text: string; matcher: Matcher }): Promise<boolean> {
  return writeLibrary(db, [db.articles], async () => {
    const article = await db.articles.get(input.articleKey);
    if (!article || article.extra?.[SUMMARY_ONLY] !== true) return false;
    const { extra, ...rest } = article;
    const summary = article.articleBody?.slice(0, FEED_LIMITS.maxSummaryChars);
    const extraLeft = withoutMarks(extra ?? {});
    const updated: ArticleRow = {
      ...rest,
      description: article.description ?? summary,
      articleBody: input.text.slice(0, FEED_LIMITS.maxBodyChars),
      ...(extraLeft ? { extra: extraLeft } : {}),
    };
    await db.articles.put(withMentions(updated, mentionsFound(updated, input.matcher)));
    return true;
  }, { changed: (written) => written });
}

/**
 * Notes that an article's page could not be read: it keeps its summary. A failure worth
 * retrying (the site unreachable, slow, or briefly failing) is asked again an hour later,
 * then six hours later; after a third, or a page that has no article or does not exist,
 * it is not asked again. Not a change anyone sees, so no revision.
 */
export async function noteFullTextFailed(db: BackstoryDatabase, articleKey: string, options: { retry?: boolean; now?: number } = {}): Promise<void> {
  await writeLibrary(db, [db.articles], async () => {
    const article = await db.articles.get(articleKey);
    if (!article || article.extra?.[SUMMARY_ONLY] !== true) return;
    const before = article.extra[FULL_TEXT_FAILED] as FullTextFailure | undefined;
    const tries = (typeof before === 'object' ? before.tries : 0) + 1;
    const wait = options.retry ? RETRY_AFTER_MS[tries - 1] : undefined;
    const failure: FullTextFailure = wait === undefined ? { tries } : { tries, retryAt: (options.now ?? Date.now()) + wait };
    await db.articles.put({ ...article, extra: { ...article.extra, [FULL_TEXT_FAILED]: failure } });
  }, { changed: () => false });
}
