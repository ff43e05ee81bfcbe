import { presentResults } from './present';
import type { ResultRowSource } from './result-rows';
import type { KnowledgeSearchIndex, SearchLimits } from './search-index';
import type { TermReads } from './term-index/term-reads';
import { searchTermIndex } from './term-index/term-query';
import { EMPTY_RESULTS, type SearchResults } from './types';

/** How many results of each group the popup lists. */
const DEFAULT_SEARCH_LIMITS: Readonly<SearchLimits> = Object.freeze({ entities: 8, articles: 8 });
/** Longest query looked at, in characters: bounds the work of one keystroke. */
const MAX_QUERY_CHARS = 200;

/**
 * Searches the index, then reads the few result rows to show them with marks and snippets:
 * from the index's own rows once they are loaded, else from `rows` (the database).
 */
export async function searchKnowledge(
  index: KnowledgeSearchIndex,
  rows: ResultRowSource,
  query: string,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<SearchResults> {
  const ranked = index.search(query.slice(0, MAX_QUERY_CHARS), limits);
  if (ranked.entities.length === 0 && ranked.articles.length === 0) return EMPTY_RESULTS;
  return presentResults(ranked, await (index.resultRows ?? rows).get(ranked.entities.map((h) => h.key), ranked.articles.map((h) => h.key)));
}

/** As `searchKnowledge`, over the term index (a large library): its postings and the rows of the results are read from IndexedDB. */
export async function searchTermKnowledge(
  terms: TermReads,
  rows: ResultRowSource,
  query: string,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<SearchResults> {
  const ranked = await searchTermIndex(terms, query.slice(0, MAX_QUERY_CHARS), limits);
  if (ranked.entities.length === 0 && ranked.articles.length === 0) return EMPTY_RESULTS;
  return presentResults(ranked, await rows.get(ranked.entities.map((h) => h.key), ranked.articles.map((h) => h.key)));
}
