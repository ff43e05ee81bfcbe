import type { BackstoryDatabase } from '../../lib/db/database';
import { getRevision } from '../../lib/db/revision';
import { SearchIndexCache, TooLargeForMemoryIndex } from '../../lib/search/index-cache';
import { searchKnowledge, searchTermKnowledge } from '../../lib/search/query';
import { RowCache } from '../../lib/search/row-cache';
import { TERM_INDEX_MIN_DOCUMENTS, wantsTermIndex } from '../../lib/search/term-index/mode';
import { getTermIndexDatabase, readTermIndexState, type TermIndexDatabase } from '../../lib/search/term-index/term-database';
import { TermReads } from '../../lib/search/term-index/term-reads';
import { TermIndexWriter } from '../../lib/search/term-index/term-writer';
import type { SearchResults } from '../../lib/search/types';

/** The search index as the background keeps it: brought up to date after every change, answering the popup. */
export interface SearchService {
  search(query: string): Promise<SearchResults>;
  /** Brings the index up to date now, so the next search does not wait; it is stored once writes are quiet. */
  refresh(): Promise<void>;
  /** Stores the in-memory index now if a store is waiting (tests). */
  flush(): Promise<void>;
}

/**
 * `installed`: first-run setup (the starter pack) that searches wait for. A small library
 * is searched with the in-memory index (SearchIndexCache), a large one with the term index
 * in IndexedDB (lib/search/term-index/mode.ts says where the line is and why).
 */
export function createSearchService(
  db: BackstoryDatabase,
  installed: Promise<unknown>,
  { terms = getTermIndexDatabase(), termIndexMinDocuments = TERM_INDEX_MIN_DOCUMENTS }: { terms?: TermIndexDatabase; termIndexMinDocuments?: number } = {},
): SearchService {
  const cache = new SearchIndexCache(db, undefined, { admits: async () => !(await wantsTermIndex(db, termIndexMinDocuments)) });
  const writer = new TermIndexWriter(db, terms);
  const reads = new TermReads(terms);
  const rows = new RowCache(db);
  let termMode: Promise<boolean> | undefined;
  // One refresh at a time: the term index is written pack by pack, and two writers would race.
  let refreshing: Promise<void> = Promise.resolve();

  const refresh = (): Promise<void> => {
    refreshing = refreshing.then(async () => {
      await installed;
      rows.clear();
      if (await wantsTermIndex(db, termIndexMinDocuments)) {
        termMode = Promise.resolve(true);
        await cache.drop();
        await writer.refresh(await getRevision(db));
        reads.clear();
      } else {
        termMode = Promise.resolve(false);
        await writer.deactivate();
        cache.invalidate();
        await cache.get();
      }
    });
    return refreshing;
  };

  /** Whether the term index answers: as stored, else (first start with this version) by the library's size. */
  const usesTermIndex = (): Promise<boolean> =>
    (termMode ??= readTermIndexState(terms).then(async (state) => {
      if (state) return state.active;
      if (!(await wantsTermIndex(db, termIndexMinDocuments))) return false;
      void refresh().catch((error: unknown) => console.error('Backstory: the term index could not be built', error));
      return true;
    }));

  return {
    async search(query) {
      await installed;
      if (await usesTermIndex()) return searchTermKnowledge(reads, rows, query);
      try {
        // Not `get`: a revision check would put an IndexedDB read before some keystrokes' answers.
        return await searchKnowledge(await cache.getQuick(), rows, query);
      } catch (error) {
        if (!(error instanceof TooLargeForMemoryIndex)) throw error;
        // The library grew past the line before its announcement was handled: switch now.
        termMode = Promise.resolve(true);
        void refresh().catch((failure: unknown) => console.error('Backstory: the term index could not be built', failure));
        return searchTermKnowledge(reads, rows, query);
      }
    },
    refresh,
    flush: () => cache.flush(),
  };
}
