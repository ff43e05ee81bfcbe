import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import { getEntityCards } from '../../lib/kb/entity-card';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import type { KnowledgeBaseChangedEvent } from '../../lib/messages/protocol';
import { HandlerError, type Handlers } from '../../lib/messages/router';
import { safeHttpUrl } from '../../lib/text/safe-url';
import { capturePage } from './capture-page';
import type { SearchService } from './search-index';
import { dismissOnSite, openSearch, undismissOnSite } from './page-actions';

/** Page text per request, in UTF-16 code units: bounds the work one message can ask for. */
const MAX_SCAN_CHARS = 4_000_000;
const MAX_CARD_KEYS = 16;

export interface HandlerDeps {
  db: BackstoryDatabase;
  matchers: MatcherCache;
  ready: Promise<unknown>;
  search: SearchService;
}

export function createHandlers({ db, matchers, ready, search }: HandlerDeps): Handlers {
  return {
    async 'page.scan'({ texts }) {
      if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new HandlerError('bad-request', 'texts must be strings');
      if (texts.reduce((n, t) => n + t.length, 0) > MAX_SCAN_CHARS) throw new HandlerError('bad-request', 'Too much text in one request');
      await ready;
      const { matcher, revision } = await matchers.get();
      return { mentions: texts.map((text) => matcher.scan(text)), revision };
    },

    async 'entity.cards'({ entityKeys }) {
      if (!Array.isArray(entityKeys) || entityKeys.length > MAX_CARD_KEYS) throw new HandlerError('bad-request', 'entityKeys');
      await ready;
      return { cards: await getEntityCards(db, entityKeys.map(String)) };
    },

    async 'article.open'({ articleKey }) {
      await ready;
      const article = await db.articles.get(String(articleKey));
      if (!article) throw new HandlerError('not-found', 'No such article');
      const url = safeHttpUrl(article.url) ?? browser.runtime.getURL(`/options.html#/articles/${encodeURIComponent(article.key)}`);
      await browser.tabs.create({ url });
      return { opened: true };
    },

    async 'search.open'({ query }, { tabId }) {
      return openSearch(query, tabId);
    },

    async 'site.dismiss'(request, { tabId }) {
      return dismissOnSite(request, tabId);
    },

    async 'site.undismiss'(request, { tabId }) {
      return undismissOnSite(request, tabId);
    },

    async 'kb.search'({ query }) {
      return search.search(String(query ?? ''));
    },

    async 'page.capture'({ tabId }) {
      if (!Number.isInteger(tabId)) throw new HandlerError('bad-request', 'tabId must be a tab id');
      await capturePage(tabId);
      return { opened: true };
    },

    async 'kb.changed'() {
      await ready;
      const { revision } = await matchers.get();
      await notifyTabs({ type: 'kb.revision', revision });
      // Re-indexing can take a while after a big import: the reply does not wait for it.
      void search.refresh().catch((error: unknown) => console.error('Backstory: search index refresh failed', error));
      return { revision };
    },
  };
}

async function notifyTabs(event: KnowledgeBaseChangedEvent): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined))),
  );
}
