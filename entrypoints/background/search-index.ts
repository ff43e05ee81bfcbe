import type { BackstoryDatabase } from '../../lib/db/database';
import { SearchIndexCache } from '../../lib/search/index-cache';
import { searchKnowledge } from '../../lib/search/query';
import { RowCache } from '../../lib/search/row-cache';
import type { SearchResults } from '../../lib/search/types';

/** The search index as the background keeps it: brought up to date after every change, answering the popup. */
export interface SearchService {
  search(query: string): Promise<SearchResults>;
  /** Brings the index up to date (and stores it) now, so the next search does not wait. */
  refresh(): Promise<void>;
}

/** `installed`: first-run setup (the starter pack) that searches wait for. */
export function createSearchService(db: BackstoryDatabase, installed: Promise<unknown>): SearchService {
  const cache = new SearchIndexCache(db);
  const rows = new RowCache(db);
  return {
    async search(query) {
      await installed;
      // Not `get`: a revision check would put an IndexedDB read before some keystrokes' answers.
      return searchKnowledge(await cache.getQuick(), rows, query);
    },
    async refresh() {
      await installed;
      cache.invalidate();
      rows.clear();
      await cache.get();
    },
  };
}
