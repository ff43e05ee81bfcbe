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
import { startFeedUpdates } from './feed-updates';
import { createSearchService } from './search-index';
import { watchHiddenTypes } from './hidden-types';

/**
 * Session storage holds page captures on their way to the save page: closed to content
 * scripts (Chrome's default, stated so that no change of default opens it). Local storage
 * cannot be closed in Chrome MV3; content scripts only read it (docs/SECURITY.md).
 */
function closeSessionStorage(): void {
  const session = (browser.storage as { session?: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } }).session;
  void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
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
  closeSessionStorage();
  void keepContentScriptRegistered();
  listenForCommands();

  registerSaveMenu();
  // Search needs the data, not the page matcher: it does not wait for the matcher to load.
  const search = createSearchService(db, installed.catch(() => undefined));
  const library = createLibraryRefresh({ matchers, search, ready });
  const feeds = startFeedUpdates({ db, ready });
  const handlers = createHandlers({ db, matchers, ready, search, library, feeds });
  // Every write announces itself (lib/kb/write-library.ts), here and in any other context.
  listenForLibraryChanges(() => void library.refresh().catch((error: unknown) => console.error('Backstory: could not follow a library change', error)));
  void library.catchUp().catch(() => undefined);
  startPackUpdates({ db, ready });
  // Hiding an entity type changes what pages highlight: rebuild and tell the tabs.
  watchHiddenTypes(() => void library.refresh({ force: true }).catch(() => undefined));
  listenForMessages(handlers);
});
