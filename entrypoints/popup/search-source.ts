import { browser } from 'wxt/browser';
import { getDatabase } from '../../lib/db/database';
import { createMessageClient } from '../../lib/messages/client';
import { SearchIndexCache } from '../../lib/search/index-cache';
import { searchKnowledge } from '../../lib/search/query';
import { RowCache } from '../../lib/search/row-cache';
import type { SearchResults } from '../../lib/search/types';

/** Where the popup's searches are answered. */
export interface SearchSource {
  search(query: string): Promise<SearchResults>;
  /** Resolves once searches are answered without loading first. */
  warm(): Promise<void>;
}

/**
 * The background keeps the index in memory between popup openings and loads the stored
 * copy when it wakes; the popup asks it by message (measured against loading the index
 * in the popup: docs/benchmarks.md "## Search").
 */
export function backgroundSearchSource(): SearchSource {
  const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
  return {
    search: (query) => client.send('kb.search', { query }),
    async warm() {
      await client.send('kb.search', { query: '' });
    },
  };
}

/** The alternative measured: the popup loads the stored index itself on every opening. */
export function localSearchSource(): SearchSource {
  const db = getDatabase();
  const cache = new SearchIndexCache(db);
  const rows = new RowCache(db);
  return {
    search: async (query) => searchKnowledge(await cache.get(), rows, query),
    async warm() {
      await cache.get();
    },
  };
}

/** `?index=local` selects the alternative, for the popup benchmark only. */
export function searchSourceFor(search: string): SearchSource {
  return new URLSearchParams(search).get('index') === 'local' ? localSearchSource() : backgroundSearchSource();
}
