import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { getDatabase } from '../../lib/db/database';
import { MatcherCache } from '../../lib/kb/matcher-cache';
import { cleanUpStagedPacks } from '../../lib/kb/staged-pack';
import { purgeRemovedPacks, REMOVED_PACK_KEPT_MS } from '../../lib/kb/removed-packs';
import { ensureStarterPack } from '../../lib/kb/starter-pack';
import { loadSettings } from '../../lib/extension/settings-item';
import { listenForLibraryChanges } from '../../lib/kb/library-changes';
import { noticeLibraryLoss, recordLibraryMarker } from '../../lib/extension/backup-items';
import { backUpBeforeUpgrade, startAutoBackups } from './auto-backup';
import { registerSaveMenu } from './context-menu';
import { listenForCommands } from './commands';
import { keepContentScriptRegistered } from './content-registration';
import { createHandlers } from './handlers';
import { createLibraryRefresh } from './library-refresh';
import { loadBundledStarterPack } from './load-starter-pack';
import { listenForMessages } from './message-listener';
import { startPackUpdates } from './pack-updates';
import { startFeedUpdates } from './feed-updates';
import { startFullArticles } from './full-articles';
import { createSearchService } from './search-index';
import { watchHiddenTypes } from './hidden-types';
import { announcePageConfigChanges } from './page-config';

/**
 * Closes the extension's storage to content scripts, where the browser can: session
 * storage (page captures on their way to the save page) and local storage (settings and
 * dismissals, which page scripts ask for with `page.config`). Chromium has access levels
 * for both; Firefox has none, and there local storage stays open (docs/SECURITY.md).
 */
function closeStorageToContentScripts(): void {
  type Closable = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  const areas = browser.storage as unknown as { session?: Closable; local?: Closable };
  for (const area of [areas.session, areas.local]) {
    void area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.warn('Backstory: could not close storage to page scripts', error));
  }
}

export default defineBackground(() => {
  const db = getDatabase();
  const matchers = new MatcherCache(db, { hiddenTypes: async () => (await loadSettings()).hiddenEntityTypes });
  // A schema upgrade pending (an update of Backstory) is preceded by a backup of the library as it is.
  const backedUp = backUpBeforeUpgrade(db).catch((error: unknown) => console.error('Backstory: could not back up before the upgrade', error));
  // A library the browser evicted is noticed before anything is written: the user is
  // offered their backup (options page, popup) instead of a fresh starter pack.
  const lost = backedUp.then(() => noticeLibraryLoss(db)).catch((error: unknown) => console.error('Backstory: could not compare the library with its marker', error));
  const recordMarker = () => recordLibraryMarker(db).catch((error: unknown) => console.warn('Backstory: could not record the library marker', error));
  // Messages can arrive before first-run work is done: every handler waits for it.
  const installed = lost.then(async (loss) => {
    if (loss) return 'unchanged';
    const result = await ensureStarterPack(db, loadBundledStarterPack);
    await recordMarker();
    return result;
  });
  const ready = installed
    .then(() => matchers.get())
    .catch((error: unknown) => console.error('Backstory: could not prepare the knowledge base', error));
  void navigator.storage?.persist?.();
  // Rows of an import the browser cut off (closed mid-import) are removed once the library is settled.
  void installed.then(() => cleanUpStagedPacks(db)).catch((error: unknown) => console.warn('Backstory: could not remove an unfinished import', error));
  // Rows of packs removed before this start whose Undo offer is long over (the page that offered it closed).
  void installed
    .then(() => purgeRemovedPacks(db, Date.now() - REMOVED_PACK_KEPT_MS))
    .catch((error: unknown) => console.warn('Backstory: could not delete the rows of a removed pack', error));
  closeStorageToContentScripts();
  announcePageConfigChanges();
  void keepContentScriptRegistered();
  listenForCommands();

  registerSaveMenu();
  // Search needs the data, not the page matcher: it does not wait for the matcher to load.
  const search = createSearchService(db, installed.catch(() => undefined));
  const library = createLibraryRefresh({ matchers, search, ready, afterChange: recordMarker });
  const backups = startAutoBackups({ db, ready });
  const feeds = startFeedUpdates({ db, matchers, ready, fullArticles: startFullArticles({ db, matchers }) });
  const handlers = createHandlers({ db, matchers, ready, search, library, backups, feeds });
  // Every write announces itself (lib/kb/write-library.ts), here and in any other context.
  listenForLibraryChanges(() => void library.refresh().catch((error: unknown) => console.error('Backstory: could not follow a library change', error)));
  void library.catchUp().catch(() => undefined);
  startPackUpdates({ db, ready });
  // Hiding an entity type changes what pages highlight: rebuild and tell the tabs.
  watchHiddenTypes(() => void library.refresh({ force: true }).catch(() => undefined));
  listenForMessages(handlers);
});
