import type { MarkedText } from './marks';

export type { MarkedText } from './marks';

/** One search result as the popup shows it: plain text plus the ranges to mark. */
export interface SearchHit {
  kind: 'entity' | 'article';
  key: string;
  title: MarkedText;
  /** Entity type, or the article's publisher and date. */
  detail: string;
  /** An entity's description, or the article's text around the match. */
  snippet?: MarkedText;
}

/** Results grouped as the popup lists them; each group is best first. */
export interface SearchResults {
  entities: SearchHit[];
  articles: SearchHit[];
}

export const EMPTY_RESULTS: SearchResults = Object.freeze({ entities: [], articles: [] }) as SearchResults;
