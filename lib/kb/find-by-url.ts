/**
 * Which stored articles were published at a URL: how the popup knows the page it is
 * looking at is already in the library.
 *
 * Articles have no index on `url` in schema v1, and schema versions are changed by one
 * owner at a time, so this is a filtered scan with a bound on its cost. An index on
 * `articles.url` belongs in the next schema version; this function's signature stays.
 */
import type { BackstoryDatabase } from '../db/database';
import { safeHttpUrl } from '../text/safe-url';

/** Articles read by one lookup at most: past this, the answer says it is incomplete. */
export const MAX_URL_SCAN_ARTICLES = 20_000;

export interface ArticleAtUrl {
  key: string;
  packId: string;
  headline: string;
}

export interface FindByUrlResult {
  articles: ArticleAtUrl[];
  /** False when the library holds more articles than one lookup reads. */
  complete: boolean;
}

/** The URL as articles are compared by: absolute http(s), without the fragment. */
export function comparableUrl(url: string | undefined): string | undefined {
  const safe = safeHttpUrl(url);
  if (!safe) return undefined;
  const parsed = new URL(safe);
  parsed.hash = '';
  return parsed.href;
}

/** The stored articles whose URL is `url` (fragments ignored). */
export async function findArticlesByUrl(db: BackstoryDatabase, url: string): Promise<FindByUrlResult> {
  const wanted = comparableUrl(url);
  if (!wanted) return { articles: [], complete: true };
  const articles: ArticleAtUrl[] = [];
  let read = 0;
  await db.articles.limit(MAX_URL_SCAN_ARTICLES + 1).each((article) => {
    read++;
    if (read <= MAX_URL_SCAN_ARTICLES && article.url && comparableUrl(article.url) === wanted) {
      articles.push({ key: article.key, packId: article.packId, headline: article.headline });
    }
  });
  return { articles, complete: read <= MAX_URL_SCAN_ARTICLES };
}
