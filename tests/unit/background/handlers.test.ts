import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMAND_DIRECTIONS, listenForCommands } from '../../../entrypoints/background/commands';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { createLibraryRefresh } from '../../../entrypoints/background/library-refresh';
import { listenForMessages } from '../../../entrypoints/background/message-listener';
import { announcePageConfigChanges } from '../../../entrypoints/background/page-config';
import type { SearchService } from '../../../entrypoints/background/search-index';
import { dismissalsItem } from '../../../lib/extension/dismissals-item';
import { loadSettings, updateSettings } from '../../../lib/extension/settings-item';
import { installPack } from '../../../lib/kb/install-pack';
import { MatcherCache } from '../../../lib/kb/matcher-cache';
import type { Reply } from '../../../lib/messages/channel';
import { MAX_CARD_KEYS, MAX_DISMISS_FIELD, MAX_SCAN_CHARS } from '../../../lib/messages/protocol';
import { freshDatabase, makePack } from '../kb/test-db';

/**
 * The background's handlers behind the real listener, router and sender check, with WXT's
 * fake browser: what a content script, an extension page and another extension get.
 */
const OWN_PAGE = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const contentScript = (tabId: number) => ({ id: browser.runtime.id, url: 'https://news.example/story', frameId: 0, tab: { id: tabId } as never });
const FOREIGN = { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' };

let search: SearchService;

async function setUp() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'file' } });
  const matchers = new MatcherCache(db);
  search = { search: vi.fn(async () => ({ entities: [], articles: [] }) as never), refresh: vi.fn(async () => undefined), flush: vi.fn(async () => undefined) };
  const ready = Promise.resolve();
  listenForMessages(createHandlers({ db, matchers, ready, search, library: createLibraryRefresh({ matchers, search, ready }), backups: { run: async () => undefined }, feeds: {} as never }));
  return { db };
}

/** Sends like `runtime.sendMessage` would, and returns the one reply. */
async function send(message: unknown, sender: object): Promise<Reply<any>> {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined)) as unknown[];
  return reply as Reply<any>;
}

async function openTab(url: string): Promise<number> {
  return (await fakeBrowser.tabs.create({ url })).id!;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('page.scan', () => {
  it('answers a content script with the names in each text', async () => {
    await setUp();
    const reply = await send({ type: 'page.scan', payload: { texts: ['Ada Lovelace in London', 'nothing'] } }, contentScript(1));
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.result.mentions.map((m: Array<{ entityKeys: string[] }>) => m.map((x) => x.entityKeys))).toEqual([
      [['test-pack/ada'], ['test-pack/london']],
      [],
    ]);
  });

  it(`takes up to ${MAX_SCAN_CHARS} characters per request, and refuses one more`, async () => {
    await setUp();
    const half = 'x'.repeat(MAX_SCAN_CHARS / 2);
    expect(await send({ type: 'page.scan', payload: { texts: [half, half] } }, contentScript(1))).toMatchObject({ ok: true });
    expect(await send({ type: 'page.scan', payload: { texts: [half, `${half}x`] } }, contentScript(1))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('Too much text') },
    });
  });
});

describe('entity.cards', () => {
  it(`gives up to ${MAX_CARD_KEYS} cards per request, and refuses more`, async () => {
    await setUp();
    const keys = Array.from({ length: MAX_CARD_KEYS }, (_, i) => (i === 0 ? 'test-pack/ada' : `test-pack/none-${i}`));
    const reply = await send({ type: 'entity.cards', payload: { entityKeys: keys } }, contentScript(1));
    expect(reply.ok && reply.result.cards.map((c: { name: string }) => c.name)).toEqual(['Ada Lovelace']);
    expect(await send({ type: 'entity.cards', payload: { entityKeys: [...keys, 'one-more'] } }, contentScript(1))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });
});

describe('site.dismiss', () => {
  it("remembers the choice for the sender's own site, whatever the payload says", async () => {
    await setUp();
    const tabId = await openTab('https://www.news.example/story');
    const reply = await send({ type: 'site.dismiss', payload: { text: 'Turkey', entityKey: 'pack/turkey', site: 'bank.example' } }, contentScript(tabId));
    expect(reply).toEqual({ ok: true, result: { site: 'news.example' } });
    const stored = await dismissalsItem.getValue();
    expect(Object.keys(stored)).toEqual(['news.example']);
  });

  it("undoes a choice on the sender's own site only: another site's stays", async () => {
    await setUp();
    const news = await openTab('https://www.news.example/story');
    const other = await openTab('https://other.example/page');
    await send({ type: 'site.dismiss', payload: { text: 'Turkey', entityKey: 'pack/turkey' } }, contentScript(news));
    await send({ type: 'site.dismiss', payload: { text: 'Turkey', entityKey: 'pack/turkey' } }, contentScript(other));
    const reply = await send({ type: 'site.undismiss', payload: { text: 'Turkey', entityKey: 'pack/turkey', site: 'other.example' } }, contentScript(news));
    expect(reply).toEqual({ ok: true, result: { site: 'news.example' } });
    const stored = await dismissalsItem.getValue();
    expect(Object.keys(stored).filter((site) => Object.keys(stored[site] ?? {}).length > 0)).toEqual(['other.example']);
  });

  it(`refuses names or keys over ${MAX_DISMISS_FIELD} characters, empty ones, and senders without a web page`, async () => {
    await setUp();
    const tabId = await openTab('https://news.example/story');
    const long = 'x'.repeat(MAX_DISMISS_FIELD + 1);
    for (const payload of [{ text: long, entityKey: 'k' }, { text: 'Turkey', entityKey: long }, { text: '', entityKey: 'k' }]) {
      expect(await send({ type: 'site.dismiss', payload }, contentScript(tabId)), JSON.stringify(payload).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await send({ type: 'site.dismiss', payload: { text: 'x'.repeat(MAX_DISMISS_FIELD), entityKey: 'k' } }, contentScript(tabId))).toMatchObject({ ok: true });
    // From an extension page (no tab) or a page that is not a web site, there is no site to dismiss on.
    expect(await send({ type: 'site.dismiss', payload: { text: 'Turkey', entityKey: 'k' } }, OWN_PAGE())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const fileTab = await openTab('file:///home/me/notes.html');
    expect(await send({ type: 'site.dismiss', payload: { text: 'Turkey', entityKey: 'k' } }, contentScript(fileTab))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('site.disable', () => {
  it("turns Backstory off on the sender's tab's site only, whatever the payload says; the content script writes no setting itself", async () => {
    await setUp();
    const tabId = await openTab('https://www.news.example/story');
    const reply = await send({ type: 'site.disable', payload: { site: 'bank.example' } }, contentScript(tabId));
    expect(reply).toEqual({ ok: true, result: { site: 'news.example' } });
    expect((await loadSettings()).disabledSites).toEqual(['news.example']);
    await send({ type: 'site.disable', payload: {} }, contentScript(tabId));
    expect((await loadSettings()).disabledSites).toEqual(['news.example']);
    expect(await send({ type: 'site.disable', payload: {} }, OWN_PAGE())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('page.config', () => {
  it("tells a content script the settings and choices of its own frame's site, never another's; a file page gets no site", async () => {
    await setUp();
    await dismissalsItem.setValue({ 'news.example': ['turkey\u0000pack/turkey'], 'bank.example': ['jordan\u0000pack/jordan'] });
    await updateSettings({ highlightStyle: 'background', disabledSites: ['bank.example'] });
    const tabId = await openTab('https://www.news.example/story');
    const reply = await send({ type: 'page.config', payload: { site: 'bank.example' } }, contentScript(tabId));
    expect(reply).toEqual({ ok: true, result: { enabled: true, highlightStyle: 'background', hoverDelayMs: 250, highlightCap: 2000, scanCodeBlocks: false, dismissed: ['turkey\u0000pack/turkey'], rememberAfterSeconds: null } });
    // A frame of another site in that tab gets its own site's; an about:blank frame, its origin's.
    const bankFrame = { ...contentScript(tabId), url: 'https://bank.example/widget', frameId: 3 };
    expect(await send({ type: 'page.config', payload: {} }, bankFrame)).toMatchObject({ ok: true, result: { enabled: false, dismissed: ['jordan\u0000pack/jordan'] } });
    const blankFrame = { ...contentScript(tabId), url: 'about:blank', origin: 'https://bank.example', frameId: 4 };
    expect(await send({ type: 'page.config', payload: {} }, blankFrame)).toMatchObject({ ok: true, result: { enabled: false } });
    const fileTab = await openTab('file:///home/me/notes.html');
    const filePage = { ...contentScript(fileTab), url: 'file:///home/me/notes.html' };
    expect(await send({ type: 'page.config', payload: {} }, filePage)).toMatchObject({ ok: true, result: { enabled: true, dismissed: [] } });
  });

  it('announces every change of the settings or dismissals to the tabs, which then ask again', async () => {
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const tabId = await openTab('https://news.example/');
    announcePageConfigChanges();
    await updateSettings({ highlightStyle: 'hover-only' });
    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledWith(tabId, { type: 'config.changed', payload: {} }));
    sendToTab.mockClear();
    await dismissalsItem.setValue({ 'news.example': ['turkey\u0000pack/turkey'] });
    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledWith(tabId, { type: 'config.changed', payload: {} }));
  });
});

describe('article.open and entity.open', () => {
  it('opens an article at its own http(s) address, or in the reader; an unknown key is not found', async () => {
    const { db } = await setUp();
    await db.articles.update('test-pack/old', { url: 'javascript:alert(1)' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await send({ type: 'article.open', payload: { articleKey: 'test-pack/old' } }, contentScript(1))).toEqual({ ok: true, result: { opened: true } });
    expect(create).toHaveBeenLastCalledWith({ url: browser.runtime.getURL('/options.html#/articles/test-pack%2Fold') });
    expect(await send({ type: 'article.open', payload: { articleKey: 'nope' } }, contentScript(1))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('opens the page of an entity in the library next to the page; an unknown or empty key is refused', async () => {
    const { db } = await setUp();
    const entityKey = (await db.entities.toCollection().first())!.key;
    const tabId = await openTab('https://news.example/story');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await send({ type: 'entity.open', payload: { entityKey } }, contentScript(tabId))).toMatchObject({ ok: true });
    expect(create.mock.lastCall?.[0].url).toBe(browser.runtime.getURL(`/options.html#/entities/${encodeURIComponent(entityKey)}` as '/options.html'));
    expect(await send({ type: 'entity.open', payload: { entityKey: 'nope' } }, contentScript(tabId))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await send({ type: 'entity.open', payload: { entityKey: '' } }, contentScript(tabId))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
  it("refuses the rows of a pack not installed (an import still being written): a page may know a key before the user has the pack", async () => {
    const { db } = await setUp();
    const entityKey = (await db.entities.toCollection().first())!.key;
    const tabId = await openTab('https://news.example/story');
    // A staged import's rows are in the tables without their pack row (lib/kb/staged-pack.ts).
    await db.packs.delete('test-pack');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await send({ type: 'article.open', payload: { articleKey: 'test-pack/old' } }, contentScript(tabId))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await send({ type: 'entity.open', payload: { entityKey } }, contentScript(tabId))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(create).not.toHaveBeenCalled();
  });
});

describe('who may send what', () => {
  it('refuses every message from another extension before any handler runs', async () => {
    await setUp();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    for (const type of ['page.scan', 'article.open', 'kb.changed', 'kb.search']) {
      expect(await send({ type, payload: {} }, FOREIGN), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses extension-page messages from a content script, and from an extension page framed in a web page', async () => {
    await setUp();
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const framed = { ...OWN_PAGE(), frameId: 3, tab: { id: 1 } as never };
    for (const sender of [contentScript(1), framed]) {
      expect(await send({ type: 'kb.changed', payload: {} }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await send({ type: 'page.capture', payload: { tabId: 1 } }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await send({ type: 'kb.search', payload: { query: 'Ada' } }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(sendToTab).not.toHaveBeenCalled();
    expect(search.search).not.toHaveBeenCalled();
  });

  it('answers a malformed payload with bad-request and a clear message', async () => {
    await setUp();
    expect(await send({ type: 'page.scan', payload: { texts: 'Ada' } }, contentScript(1))).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/^page\.scan: texts: /u) },
    });
    expect(await send({ type: 'kb.search' }, OWN_PAGE())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send({ type: 'page.capture', payload: { tabId: 'all' } }, OWN_PAGE())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('events to tabs', () => {
  it('kb.changed from an extension page tells every tab the new revision, in the declared envelope', async () => {
    await setUp();
    const first = await openTab('https://a.example/');
    const second = await openTab('https://b.example/');
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      if (tabId === second) throw new Error('Receiving end does not exist'); // a tab without Backstory
      return { ok: true, result: null };
    });
    const reply = await send({ type: 'kb.changed', payload: {} }, OWN_PAGE());
    expect(reply).toMatchObject({ ok: true, result: { revision: expect.any(Number) } });
    const revision = reply.ok ? reply.result.revision : -1;
    expect(sendToTab).toHaveBeenCalledWith(first, { type: 'kb.revision', payload: { revision } });
    expect(sendToTab).toHaveBeenCalledWith(second, { type: 'kb.revision', payload: { revision } });
    expect(search.refresh).toHaveBeenCalled();
  });

  it('a keyboard command steps through the mentions of the top frame of its tab', async () => {
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    // The fake browser has no commands API: catch the listener.
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void (onCommand = listener as typeof onCommand));
    listenForCommands();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/' });
    onCommand?.('next-mention', tab);
    onCommand?.('unknown-command', tab);
    await Promise.resolve();
    expect(Object.values(COMMAND_DIRECTIONS)).toEqual(['next', 'previous']);
    expect(sendToTab).toHaveBeenCalledOnce();
    expect(sendToTab).toHaveBeenCalledWith(tab.id, { type: 'mention.step', payload: { direction: 'next' } }, { frameId: 0 });
  });
});
