import { browser } from 'wxt/browser';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import type { SearchService } from './search-index';
import { emitToTabs } from './tab-events';

/** Session storage key of the last revision the tabs were told about: it survives the service worker's sleep. */
const ANNOUNCED_KEY = 'announcedRevision';

export interface LibraryRefreshDeps {
  matchers: MatcherCache;
  search: SearchService;
  /** First-run work a refresh waits for. */
  ready: Promise<unknown>;
  /** After each change: record what the library holds (the eviction marker). Never throws. */
  afterChange?: () => Promise<void>;
}

export interface LibraryRefresh {
  /**
   * Brings derived data up to the library's revision and tells tabs to rescan. A
   * revision already announced is skipped (a change arrives both on the channel and from
   * an extension page's relay) unless `force` (hidden entity types changed, not the data).
   */
  refresh(options?: { force?: boolean }): Promise<{ revision: number }>;
  /** At start: a change announced while the worker slept (or whose announcement was lost) is caught up. */
  catchUp(): Promise<void>;
}

export function createLibraryRefresh({ matchers, search, ready, afterChange }: LibraryRefreshDeps): LibraryRefresh {
  let announced: number | undefined;
  const refresh: LibraryRefresh['refresh'] = async ({ force = false } = {}) => {
    await ready;
    await afterChange?.();
    const { revision } = await matchers.get();
    if (!force && revision === announced) return { revision };
    announced = revision;
    await browser.storage.session?.set({ [ANNOUNCED_KEY]: revision }).catch(() => undefined);
    await emitToTabs('kb.revision', { revision });
    // Re-indexing can take a while after a big import: the caller does not wait for it.
    void search.refresh().catch((error: unknown) => console.error('Backstory: search index refresh failed', error));
    return { revision };
  };
  return {
    refresh,
    async catchUp() {
      await ready;
      const stored = (await browser.storage.session?.get(ANNOUNCED_KEY).catch(() => undefined))?.[ANNOUNCED_KEY];
      const { revision } = await matchers.get();
      // No record: a new browser session, whose tabs scanned with the current library.
      if (typeof stored !== 'number') {
        announced = revision;
        await browser.storage.session?.set({ [ANNOUNCED_KEY]: revision }).catch(() => undefined);
      } else if (stored !== revision) {
        announced = stored;
        await refresh();
      } else announced ??= revision;
    },
  };
}
