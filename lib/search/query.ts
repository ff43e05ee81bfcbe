import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow, EntityRow } from '../db/rows';
import { presentResults } from './present';
import type { KnowledgeSearchIndex, SearchLimits } from './search-index';
import { EMPTY_RESULTS, type SearchResults } from './types';

/** How many results of each group the popup lists. */
export const DEFAULT_SEARCH_LIMITS: Readonly<SearchLimits> = Object.freeze({ entities: 8, articles: 8 });
/** Longest query looked at, in characters: bounds the work of one keystroke. */
export const MAX_QUERY_CHARS = 200;

/** Searches the index, then reads the few result rows to show them with marks and snippets. */
export async function searchKnowledge(
  index: KnowledgeSearchIndex,
  db: BackstoryDatabase,
  query: string,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<SearchResults> {
  const ranked = index.search(query.slice(0, MAX_QUERY_CHARS), limits);
  if (ranked.entities.length === 0 && ranked.articles.length === 0) return EMPTY_RESULTS;
  // One read transaction: each costs milliseconds, and this runs on every keystroke.
  const [entities, articles] = await db.transaction('r', [db.entities, db.articles], () =>
    Promise.all([db.entities.bulkGet(ranked.entities.map((h) => h.key)), db.articles.bulkGet(ranked.articles.map((h) => h.key))]),
  );
  return presentResults(ranked, {
    entities: new Map(entities.filter((r): r is EntityRow => r !== undefined).map((r) => [r.key, r])),
    articles: new Map(articles.filter((r): r is ArticleRow => r !== undefined).map((r) => [r.key, r])),
  });
}
