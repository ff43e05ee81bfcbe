import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { createLibraryRefresh } from '../../../entrypoints/background/library-refresh';
import { listenForMessages } from '../../../entrypoints/background/message-listener';
import type { SearchService } from '../../../entrypoints/background/search-index';
import type { ExtractResult } from '../../../lib/extract';
import { updateSettings } from '../../../lib/extension/settings-item';
import { installPack } from '../../../lib/kb/install-pack';
import { MatcherCache } from '../../../lib/kb/matcher-cache';
import { readingHistory } from '../../../lib/kb/my-reading';
import type { Reply } from '../../../lib/messages/channel';
import { freshDatabase, makePack } from '../kb/test-db';

/**
 * "Remember what I read" behind the real listener, router and sender check (WXT's fake
 * browser): the background decides from its own records, never from the page.
 */
const EXTRACTED: ExtractResult = {
  ok: true,
  article: {
    headline: 'Ada Lovelace in London',
    author: [],
    // An article's length: remembering keeps articles, not briefs (lib/reading/worth-remembering.ts).
    text: 'Ada Lovelace spoke in London about the engine and its notes, at length and with care. '.repeat(8),
    readerable: true,
  },
};

async function setUp() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'file' } });
  const matchers = new MatcherCache(db);
  const search = { search: vi.fn(), refresh: vi.fn(async () => undefined) } as unknown as SearchService;
  const ready = Promise.resolve();
  listenForMessages(createHandlers({ db, matchers, ready, search, library: createLibraryRefresh({ matchers, search, ready }), backups: { run: async () => undefined }, feeds: {} as never }));
  const extract = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ result: EXTRACTED, frameId: 0, documentId: 'd' }] as never);
  return { db, extract };
}

async function remember(tab: { id: number; incognito?: boolean }): Promise<Reply<any>> {
  const sender = { id: browser.runtime.id, url: 'https://news.example/story', frameId: 0, tab: tab as never };
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'reading.remember', payload: {} }, sender as never, () => undefined)) as unknown[];
  return reply as Reply<any>;
}

async function openTab(url: string, incognito = false): Promise<{ id: number; incognito: boolean }> {
  const tab = await fakeBrowser.tabs.create({ url });
  if (incognito) (tab as { incognito: boolean }).incognito = true;
  return { id: tab.id!, incognito };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('reading.remember', () => {
  it('saves the article of the sender\'s tab to "My reading" when the setting is on', async () => {
    const { db, extract } = await setUp();
    await updateSettings({ rememberReading: true });
    const tab = await openTab('https://news.example/story#p2');
    expect(await remember(tab)).toMatchObject({ ok: true, result: { status: 'saved' } });
    expect(extract).toHaveBeenCalledWith({ target: { tabId: tab.id, frameIds: [0] }, files: ['/extract.js'] });
    expect((await readingHistory(db)).map((e) => [e.headline, e.url])).toEqual([['Ada Lovelace in London', 'https://news.example/story']]);
  });

  it('does nothing, and reads nothing, when the setting is off (the default)', async () => {
    const { db, extract } = await setUp();
    const tab = await openTab('https://news.example/story');
    expect(await remember(tab)).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'off' } });
    expect(extract).not.toHaveBeenCalled();
    expect(await readingHistory(db)).toEqual([]);
  });

  it('refuses a tab in a private window, whatever the page says', async () => {
    const { db, extract } = await setUp();
    await updateSettings({ rememberReading: true });
    const tab = await openTab('https://news.example/story', true);
    expect(await remember(tab)).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'private' } });
    expect(extract).not.toHaveBeenCalled();
    expect(await readingHistory(db)).toEqual([]);
  });

  it('refuses excluded sites, sites Backstory is off for, and a paused Backstory', async () => {
    const { db, extract } = await setUp();
    await updateSettings({ rememberReading: true, readingExcludedSites: ['bank.example'], disabledSites: ['quiet.example'] });
    for (const url of ['https://www.bank.example/statement', 'https://quiet.example/a']) {
      expect(await remember(await openTab(url))).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'site' } });
    }
    await updateSettings({ paused: true });
    expect(await remember(await openTab('https://news.example/story'))).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'site' } });
    expect(extract).not.toHaveBeenCalled();
    expect(await readingHistory(db)).toEqual([]);
  });

  it('saves nothing for a page that is not an article', async () => {
    const { db, extract } = await setUp();
    await updateSettings({ rememberReading: true });
    extract.mockResolvedValue([{ result: { ok: false, code: 'no-article', message: '' }, frameId: 0, documentId: 'd' }] as never);
    expect(await remember(await openTab('https://news.example/'))).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'no-article' } });
    expect(await readingHistory(db)).toEqual([]);
  });

  it("saves nothing for a site's front page, a page Readability does not judge an article, or a brief, even with text", async () => {
    const { db, extract } = await setUp();
    await updateSettings({ rememberReading: true });
    const article = EXTRACTED.ok ? EXTRACTED.article : undefined;
    const cases: Array<[string, unknown]> = [
      ['https://news.example/', article],
      ['https://news.example/story', { ...article, readerable: false }],
      ['https://news.example/story', { ...article, text: 'A short brief about Ada Lovelace.' }],
    ];
    for (const [url, extracted] of cases) {
      extract.mockResolvedValue([{ result: { ok: true, article: extracted }, frameId: 0, documentId: 'd' }] as never);
      expect(await remember(await openTab(url))).toMatchObject({ ok: true, result: { status: 'skipped', reason: 'no-article' } });
    }
    expect(await readingHistory(db)).toEqual([]);
  });
});
