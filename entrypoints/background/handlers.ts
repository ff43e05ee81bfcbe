import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import { getEntityCards } from '../../lib/kb/entity-card';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import { installedRow } from '../../lib/kb/keys';
import { CARD_SCRIPT_FILE } from '../../lib/extension/card-script';
import { HandlerError } from '../../lib/messages/channel';
import type { Handlers } from '../../lib/messages/router';
import { optionsPath } from '../../lib/routes/extension-routes';
import { safeHttpUrl } from '../../lib/text/safe-url';
import { capturePage } from './capture-page';
import type { AutoBackups } from './auto-backup';
import type { LibraryRefresh } from './library-refresh';
import type { SearchService } from './search-index';
import { pageConfigOfSender } from './page-config';
import { dismissOnSite, openEntityPage, disableSenderSite, undismissOnSite } from './page-actions';
import { rememberReading } from './remember-reading';
import type { FeedHandlers } from './feed-updates';

export interface HandlerDeps {
  db: BackstoryDatabase;
  matchers: MatcherCache;
  ready: Promise<unknown>;
  search: SearchService;
  library: LibraryRefresh;
  backups: AutoBackups;
  /** Following and fetching feeds (feed-updates.ts). */
  feeds: FeedHandlers;
}

export function createHandlers({ db, matchers, ready, search, library, backups, feeds }: HandlerDeps): Handlers {
  return {
    ...feeds,
    // Payloads arrive checked against their schemas in lib/messages/protocol.ts (sizes included).
    async 'page.scan'({ texts }) {
      await ready;
      // The previous matcher answers while a new one is built; the tabs rescan when it is ready.
      const { matcher, revision } = await matchers.serving();
      return { mentions: texts.map((text) => matcher.scan(text)), revision };
    },

    async 'entity.cards'({ entityKeys }) {
      await ready;
      return { cards: await getEntityCards(db, entityKeys) };
    },

    async 'article.open'({ articleKey }) {
      await ready;
      const article = await installedRow(db, db.articles, articleKey);
      if (!article) throw new HandlerError('not-found', 'No such article');
      const url = safeHttpUrl(article.url) ?? browser.runtime.getURL(optionsPath({ name: 'article', key: article.key }));
      await browser.tabs.create({ url });
      return { opened: true };
    },

    async 'entity.open'({ entityKey }, { tabId }) {
      await ready;
      if (!(await installedRow(db, db.entities, entityKey))) throw new HandlerError('not-found', 'No such entity');
      return openEntityPage(entityKey, tabId);
    },

    async 'page.config'(_request, context) {
      return pageConfigOfSender(context);
    },

    async 'site.dismiss'(request, { tabId }) {
      return dismissOnSite(request, tabId);
    },

    async 'site.undismiss'(request, { tabId }) {
      return undismissOnSite(request, tabId);
    },

    async 'site.disable'(_request, { tabId }) {
      return disableSenderSite(tabId);
    },

    async 'reading.remember'(_request, context) {
      return rememberReading({ db, matchers, ready }, context);
    },

    async 'card.load'(_request, { tabId, frameId }) {
      if (tabId === undefined) throw new HandlerError('bad-request', 'Only a page can load the card');
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId ?? 0] }, files: [CARD_SCRIPT_FILE] });
      return { loaded: true };
    },

    async 'kb.search'({ query }) {
      return search.search(query);
    },

    async 'page.capture'({ tabId }) {
      await capturePage(tabId);
      return { opened: true };
    },

    async 'kb.changed'() {
      return library.refresh();
    },

    async 'backup.now'() {
      return { written: (await backups.run('now')) !== undefined };
    },
  };
}
