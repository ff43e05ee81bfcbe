import { browser } from 'wxt/browser';
import { getDatabase } from '../../lib/db/database';
import { createMessageClient } from '../../lib/messages/client';
import { latestOnly } from '../../lib/search/latest-only';
import { searchKnowledge, searchTermKnowledge } from '../../lib/search/query';
import { RowCache } from '../../lib/search/row-cache';
import { getTermIndexDatabase, packsNotYetSearchable, readTermIndexState } from '../../lib/search/term-index/term-database';
import { TermReads } from '../../lib/search/term-index/term-reads';
import type { SearchResults } from '../../lib/search/types';
import { type LocalIndex, loadLocalIndex } from './local-index';
import { LOCAL_INDEX_MARK } from './perf-marks';

/** Where the popup's searches are answered. */
export interface SearchSource {
  search(query: string): Promise<SearchResults>;
  /** Resolves once searches are answered without loading first. */
  warm(): Promise<void>;
  /** The names of packs whose names search cannot find yet (the background is still indexing them). */
  notYetSearchable(): Promise<string[]>;
}

export type Search = (query: string) => Promise<SearchResults>;

/** Asks the background, which keeps the index in memory while it runs and loads the stored copy when it wakes. */
export function askBackground(): { search: Search; warm: () => Promise<void> } {
  const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
  const search: Search = (query) => client.send('kb.search', { query });
  return {
    search,
    async warm() {
      await search('');
    },
  };
}

/**
 * What the popup uses: the background answers at once (it is usable the moment the popup
 * opens), while the popup loads its own copy of the stored index; once that is loaded,
 * searches are answered in the popup, in the same task as the keystroke.
 *
 * Why both (measured: docs/benchmarks.md "## Search"): an answer from another thread,
 * however quick, comes back as a task, and after a keystroke Chromium runs such tasks only
 * after painting the next frame; so results asked of the background always showed a
 * frame after the typed letter (about 17 ms later), by runtime message or over a
 * MessagePort of their own (tried: a 0.3 ms round trip, no gain). Answered in the popup,
 * they are in the frame that shows the letter. Loading the copy costs the popup about
 * 0.8 s of work at each opening (idle machine), in a few parts of up to 0.3 s.
 */
export function hybridSearchSource(): SearchSource {
  const db = getDatabase();
  const terms = getTermIndexDatabase();
  const background = askBackground();
  const reads = new TermReads(terms);
  const rows = new RowCache(db);
  let local: LocalIndex | undefined;
  // A large library is searched with the term index, read here by key range: no copy to
  // load, and no service worker to wake (lib/search/term-index/mode.ts).
  const termIndex = readTermIndexState(terms).then(
    (state) => state?.active === true,
    (error: unknown) => {
      console.warn('Backstory: the term index could not be read; the background answers', error);
      return false;
    },
  );
  let useTermIndex = false;
  return {
    search: latestOnly((query) => {
      if (useTermIndex) return searchTermKnowledge(reads, rows, query);
      const index = local?.current();
      return index ? searchKnowledge(index, rows, query) : background.search(query);
    }),
    async notYetSearchable() {
      const [state, installed] = await Promise.all([readTermIndexState(terms), db.packs.toArray()]);
      return packsNotYetSearchable(state, installed);
    },
    async warm() {
      if ((useTermIndex = await termIndex)) return;
      await background.warm();
      // After the first answer: loading the copy must not slow the popup's opening.
      local ??= loadLocalIndex(db);
      void local.ready.then((loaded) => loaded && performance.mark(LOCAL_INDEX_MARK));
    },
  };
}
