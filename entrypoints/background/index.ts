import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { getDatabase } from '../../lib/db/database';
import { MatcherCache } from '../../lib/kb/matcher-cache';
import { ensureStarterPack } from '../../lib/kb/starter-pack';
import { loadSettings } from '../../lib/extension/settings-item';
import { listenForLibraryChanges } from '../../lib/kb/library-changes';
import { registerSaveMenu } from './context-menu';
import { listenForCommands } from './commands';
import { keepContentScriptRegistered } from './content-registration';
import { createHandlers } from './handlers';
import { createLibraryRefresh } from './library-refresh';
import { loadBundledStarterPack } from './load-starter-pack';
import { listenForMessages } from './message-listener';
import { startPackUpdates } from './pack-updates';
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
  // Messages can arrive before first-run work is done: every handler waits for it.
  const installed = ensureStarterPack(db, loadBundledStarterPack);
  const ready = installed
    .then(() => matchers.get())
    .catch((error: unknown) => console.error('Backstory: could not prepare the knowledge base', error));
  void navigator.storage?.persist?.();
  closeStorageToContentScripts();
  announcePageConfigChanges();
  void keepContentScriptRegistered();
  listenForCommands();

  registerSaveMenu();
  // Search needs the data, not the page matcher: it does not wait for the matcher to load.
  const search = createSearchService(db, installed.catch(() => undefined));
  const library = createLibraryRefresh({ matchers, search, ready });
  const handlers = createHandlers({ db, matchers, ready, search, library });
  // Every write announces itself (lib/kb/write-library.ts), here and in any other context.
  listenForLibraryChanges(() => void library.refresh().catch((error: unknown) => console.error('Backstory: could not follow a library change', error)));
  void library.catchUp().catch(() => undefined);
  startPackUpdates({ db, ready });
  // Hiding an entity type changes what pages highlight: rebuild and tell the tabs.
  watchHiddenTypes(() => void library.refresh({ force: true }).catch(() => undefined));
  listenForMessages(handlers);
});
