import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import { getEntityCards } from '../../lib/kb/entity-card';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import { HandlerError } from '../../lib/messages/channel';
import type { Handlers } from '../../lib/messages/router';
import { optionsPath } from '../../lib/routes/extension-routes';
import { safeHttpUrl } from '../../lib/text/safe-url';
import { capturePage } from './capture-page';
import type { LibraryRefresh } from './library-refresh';
import type { SearchService } from './search-index';
import { dismissOnSite, openEntityPage, disableSenderSite, undismissOnSite } from './page-actions';

export interface HandlerDeps {
  db: BackstoryDatabase;
  matchers: MatcherCache;
  ready: Promise<unknown>;
  search: SearchService;
  library: LibraryRefresh;
  /** Following and fetching feeds (feed-updates.ts). */
  feeds: Pick<Handlers, 'feeds.follow' | 'feeds.fetch'>;
}

export function createHandlers({ db, matchers, ready, search, library, feeds }: HandlerDeps): Handlers {
  return {
    ...feeds,
    // Payloads arrive checked against their schemas in lib/messages/protocol.ts (sizes included).
    async 'page.scan'({ texts }) {
      await ready;
      const { matcher, revision } = await matchers.get();
      return { mentions: texts.map((text) => matcher.scan(text)), revision };
    },

    async 'entity.cards'({ entityKeys }) {
      await ready;
      return { cards: await getEntityCards(db, entityKeys) };
    },

    async 'article.open'({ articleKey }) {
      await ready;
      const article = await db.articles.get(articleKey);
      if (!article) throw new HandlerError('not-found', 'No such article');
      const url = safeHttpUrl(article.url) ?? browser.runtime.getURL(optionsPath({ name: 'article', key: article.key }));
      await browser.tabs.create({ url });
      return { opened: true };
    },

    async 'entity.open'({ entityKey }, { tabId }) {
      await ready;
      if (!(await db.entities.get(entityKey))) throw new HandlerError('not-found', 'No such entity');
      return openEntityPage(entityKey, tabId);
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
  };
}
