/**
 * The alternatives to the popup's shipped search source that `npm run bench:popup`
 * measures it against. They exist only in the bench build (`wxt build --mode bench`, see
 * entrypoints/popup/main.tsx), where the popup's `?index=background` or `?index=local`
 * picks one; the shipped build has neither the code nor the parameter.
 */
import { getDatabase } from '../../lib/db/database';
import { SearchIndexCache } from '../../lib/search/index-cache';
import { latestOnly } from '../../lib/search/latest-only';
import { searchKnowledge } from '../../lib/search/query';
import { RowCache } from '../../lib/search/row-cache';
import { askBackground, hybridSearchSource, type SearchSource } from '../../entrypoints/popup/search-source';

/** The background answers every search. */
function backgroundSearchSource(): SearchSource {
  const background = askBackground();
  return { search: latestOnly(background.search), warm: background.warm, notYetSearchable: async () => [] };
}

/** The popup loads (and, when it is not current, builds) the index itself before answering. */
function localSearchSource(): SearchSource {
  const db = getDatabase();
  const cache = new SearchIndexCache(db);
  const rows = new RowCache(db);
  return {
    search: latestOnly(async (query) => searchKnowledge(await cache.getQuick(), rows, query)),
    async warm() {
      await cache.get();
    },
    notYetSearchable: async () => [],
  };
}

/** The source named by the popup's `?index=`, or the shipped hybrid. */
export function benchSearchSourceFor(search: string): SearchSource {
  const index = new URLSearchParams(search).get('index');
  if (index === 'local') return localSearchSource();
  if (index === 'background') return backgroundSearchSource();
  return hybridSearchSource();
}
