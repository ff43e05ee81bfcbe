/**
 * Which stored articles were published at a URL: how the popup knows the page it is
 * looking at is already in the library. One lookup in the `urlKey` index (schema v3).
 */
import type { BackstoryDatabase } from '../db/database';
import { comparableUrl } from '../text/safe-url';
import { installedPackIds } from './keys';

export interface ArticleAtUrl {
  key: string;
  packId: string;
  headline: string;
}

/** The stored articles whose URL is `url` (fragments ignored). */
export async function findArticlesByUrl(db: BackstoryDatabase, url: string): Promise<ArticleAtUrl[]> {
  const wanted = comparableUrl(url);
  if (!wanted) return [];
  const [rows, installed] = await Promise.all([db.articles.where('urlKey').equals(wanted).toArray(), installedPackIds(db)]);
  // An import being written (staged-pack.ts) is not in the library yet.
  return rows.filter((a) => installed.has(a.packId)).map((a) => ({ key: a.key, packId: a.packId, headline: a.headline }));
}
