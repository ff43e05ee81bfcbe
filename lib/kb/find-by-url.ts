/**
 * Which stored articles were published at a URL: how the popup knows the page it is
 * looking at is already in the library. One lookup in the `urlKey` index (schema v3).
 */
import type { BackstoryDatabase } from '../db/database';
import { comparableUrl } from '../text/safe-url';

export interface ArticleAtUrl {
  key: string;
  packId: string;
  headline: string;
}

/** The stored articles whose URL is `url` (fragments ignored). */
export async function findArticlesByUrl(db: BackstoryDatabase, url: string): Promise<ArticleAtUrl[]> {
  const wanted = comparableUrl(url);
  if (!wanted) return [];
  const rows = await db.articles.where('urlKey').equals(wanted).toArray();
  return rows.map((a) => ({ key: a.key, packId: a.packId, headline: a.headline }));
}
