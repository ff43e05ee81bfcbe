import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { BACKGROUND_MESSAGES, CONTENT_SCRIPT_MESSAGES } from '../../lib/messages/protocol';
import { ClosedPopover, closedPopoverLinks } from './support/closed-popover';
import { pointOfText, waitForHighlights } from './support/extension-browser';
import { IsolatedWorld } from './support/isolated-world';
import { NetworkRecorder } from './support/network-recorder';
import { sendToTab, setSettings } from './support/page-tools';
import { PageGuard } from './support/page-guard';
import { PopupPage } from './support/popup-page';

const XSS_PACK = 'tests/e2e/fixtures/hostile/xss.pack.json';

/** Knowledge-base text that the page must never be able to read from the DOM. */
const SECRET_TEXTS = ['A fixer who', 'was done.', 'signs with Evil Corp'];

/** Everything the page's scripts can read as markup: the document and every open shadow root. */
function readableMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          parts.push(element.shadowRoot.innerHTML);
          visit(element.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join('\n');
  });
}

/** What the fixture pack's payloads would set if any of them ran. */
const pwned = (page: Page) => page.evaluate(() => (window as unknown as Record<string, unknown>)['__pwned']);

describe('trust boundaries', () => {
  let network: NetworkRecorder;
  let options: Page;
  let optionsGuard: PageGuard;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/hostile', 'tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    network = new NetworkRecorder(session.browser.context);
    options = await session.browser.context.newPage();
    optionsGuard = new PageGuard(options);
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.locator('input[type=file]').setInputFiles(XSS_PACK);
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  });

  it('records the service worker’s requests (a canary), so the network check below can fail', async () => {
    expect(await network.canaryFromServiceWorker(session.browser.serviceWorker, session.server.url('canary-from-sw'))).toBe(true);
  });

  it('options list: pack strings are text, nothing runs', async () => {
    const item = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: 'Hostile pack' });
    expect(await item.innerText()).toContain(`<script>window.__pwned='pack.name'</script>Hostile pack <img src=x`);
    expect(await options.locator('.page img, .page script, .page svg, .page iframe').count()).toBe(0);
    expect(await pwned(options)).toBeUndefined();
    await options.screenshot({ path: `${SCREENSHOTS}/hostile-options-list.png`, fullPage: true });
  });

  it('options reader: headline, byline and body are text; links only http(s)', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/articles/${encodeURIComponent('hostile-xss/a1')}`);
    const reader = options.locator('article.reader');
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).innerText()).toContain(`<img src=x onerror="window.__pwned='headline'">`);
    expect(await reader.innerText()).toContain(`<script>window.__pwned='body'</script>Mallory Quinn said`);
    const hrefs = await reader.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|chrome-extension:\/\/[^/]+\/options\.html#)/u);
    expect(await reader.locator('img, script, svg, iframe').count()).toBe(0);
    expect(await pwned(options)).toBeUndefined();
    await options.screenshot({ path: `${SCREENSHOTS}/hostile-options-reader.png`, fullPage: true });
  });

  it('popup search: results are text, nothing runs', async () => {
    const popup = await PopupPage.open(session.browser);
    const guard = new PageGuard(popup.page);
    await popup.type('mallory');
    expect((await popup.optionTexts('People, places and more')).join('\n')).toContain('Mallory Quinn');
    await popup.type('signs with');
    expect((await popup.optionTexts('Articles')).join('\n')).toContain(`<img src=x onerror="window.__pwned='headline'">`);
    expect(await popup.page.locator('main img, main script, main svg, main iframe').count()).toBe(0);
    expect(await pwned(popup.page)).toBeUndefined();
    await popup.page.screenshot({ path: `${SCREENSHOTS}/hostile-popup-search.png` });
    expect(guard.errors).toEqual([]);
    expect(guard.dialogs).toEqual([]);
    await popup.page.close();
  });

  describe('on a web page', () => {
    let page: Page;
    let guard: PageGuard;
    let popover: ClosedPopover;

    beforeAll(async () => {
      page = await session.browser.context.newPage();
      guard = new PageGuard(page);
      // The page's own world, from before any script of ours runs: every message posted to it.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as Record<string, unknown>)['pageMessages'] = seen;
        addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
      });
      await page.goto(session.server.url('xss.html'));
      popover = await ClosedPopover.attach(page);
      await waitForHighlights(page, 2);
    });

    it('hover popover: pack strings are text, links only http(s), nothing runs in the page', async () => {
      const { x, y } = await pointOfText(page, 'Mallory Quinn');
      await page.mouse.move(x, y);
      const text = await popover.waitForText((t) => t.includes('A fixer who'));
      expect(text).toContain(`<script>window.__pwned='entity.description'</script>A fixer who <img src=x`);
      expect(text).toContain(`<img src=x onerror="window.__pwned='headline'">Mallory Quinn signs with Evil Corp`);
      for (const href of await closedPopoverLinks(page)) expect(href).toMatch(/^https?:\/\//u);
      await page.screenshot({ path: `${SCREENSHOTS}/hostile-popover.png` });
      expect(await pwned(page)).toBeUndefined();
      expect(guard.dialogs).toEqual([]);
    });

    it('no knowledge-base text in anything the page can read (document and open shadow roots)', async () => {
      expect(await popover.isOpen()).toBe(true);
      const markup = await readableMarkup(page);
      expect(markup).toContain('Mallory Quinn met the board'); // the scan really covers the page
      for (const secret of SECRET_TEXTS) expect(markup).not.toContain(secret);
      // The host element is visible to the page; its closed shadow root is not.
      expect(await page.evaluate(() => document.querySelector('backstory-popover')?.shadowRoot ?? null)).toBeNull();
    });

    it('posts nothing to the page: no window message (such as the framework\'s start message, which names the extension) reaches its listeners', async () => {
      expect(await popover.isOpen()).toBe(true); // after a hover and a card
      expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['pageMessages'])).toEqual([]);
    });

    it("the page's CSS cannot hide, blur, move or resize the card: its host's own declarations are important", async () => {
      await page.addStyleTag({
        content: 'backstory-popover, backstory-marks { opacity: 0.1 !important; filter: blur(3px) !important; transform: scale(3) !important; display: none !important; zoom: 3 !important; }',
      });
      const styles = await page.evaluate(() =>
        ['backstory-popover', 'backstory-marks'].map((tag) => {
          const style = getComputedStyle(document.querySelector(tag)!);
          return [tag, style.opacity, style.filter, style.transform, style.display, style.zoom];
        }),
      );
      expect(styles).toEqual([
        ['backstory-popover', '1', 'none', 'none', 'block', '1'],
        ['backstory-marks', '1', 'none', 'none', 'block', '1'],
      ]);
      expect(await popover.isOpen()).toBe(true);
    });

    it('a user’s build writes no backstory:* performance marks or measures the page could read, even after a hover', () =>
      expect(page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('backstory:')).map((e) => e.name))).resolves.toEqual([]));

    it('a content script can ask but never write: every write message is refused', async () => {
      const world = await IsolatedWorld.attach(page);
      const all = Object.keys(BACKGROUND_MESSAGES);
      expect(all).toContain('kb.changed');
      const writes = all.filter((type) => !CONTENT_SCRIPT_MESSAGES.has(type as never));
      expect(writes.length).toBeGreaterThan(0);
      for (const type of writes) {
        const reply = await world.evaluate<{ ok: boolean; error?: { code: string } }>(
          `chrome.runtime.sendMessage({ type: ${JSON.stringify(type)}, payload: {} })`,
        );
        expect(reply, type).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
      }
      // The same channel answers questions, so the refusals above are about trust, not a dead channel.
      const scan = await world.evaluate<{ ok: boolean; result?: { mentions: unknown[][] } }>(
        `chrome.runtime.sendMessage({ type: 'page.scan', payload: { texts: ['Mallory Quinn'] } })`,
      );
      expect(scan.ok).toBe(true);
      expect(scan.result?.mentions[0]).toHaveLength(1);
      // The page's own scripts have no channel to the extension at all.
      expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    });

    it("the page cannot open Backstory's database: from its own world, 'backstory' is an empty database of its own origin", async () => {
      // Asked from the page's main world, where a regression (the content script opening the
      // library, which would put it in the page's origin) would show up as stores here.
      const seen = await page.evaluate(async () => {
        const before = (await indexedDB.databases()).map((d) => d.name);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('backstory');
          request.addEventListener('success', () => resolve(request.result));
          request.addEventListener('error', () => reject(request.error));
        });
        const stores = [...db.objectStoreNames];
        db.close();
        indexedDB.deleteDatabase('backstory');
        return { before, stores };
      });
      expect(seen).toEqual({ before: expect.not.arrayContaining(['backstory']), stores: [] });
    });

    it("extension storage (settings, dismissals, page captures) is closed to the content script's world; settings writes go through the background", async () => {
      const world = await IsolatedWorld.attach(page);
      // As the content script itself would try it: Chromium has no such area there, or refuses the write.
      const writeFromWorld = (area: 'session' | 'local') =>
        world.evaluate<string>(`(async () => {
          const store = globalThis.chrome && chrome.storage && chrome.storage.${area};
          if (!store) return 'absent';
          try { await store.set({ probe: 1, settings: { highlightStyle: 'hover-only', disabledSites: ['127.0.0.1'] }, siteDismissals: { '127.0.0.1': ['x'] } }); return 'written'; }
          catch (e) { return 'refused: ' + e.message; }
        })()`);
      expect(await writeFromWorld('session')).toMatch(/^(refused|absent)/u);
      expect(await writeFromWorld('local')).toMatch(/^(refused|absent)/u);
      const seenByExtension = await session.browser.serviceWorker.evaluate(async () => {
        const local = (globalThis as unknown as { chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
        return local.get(['probe', 'settings', 'siteDismissals']);
      });
      expect(seenByExtension['probe']).toBeUndefined();
      expect((seenByExtension['settings'] as { highlightStyle?: string } | undefined)?.highlightStyle ?? 'background').toBe('background');
      expect(seenByExtension['siteDismissals'] ?? {}).toEqual({});
      await waitForHighlights(page, 2);

      // The page still gets its settings, from the background: a style chosen in the options reaches it live.
      await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/settings`);
      await options.getByRole('radio', { name: /^Only under the pointer/u }).check();
      await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) === 0, undefined, { timeout: 15_000 });
      await options.getByRole('radio', { name: /^Background/u }).check();
      await waitForHighlights(page, 2);
      // "Turn off on this site" is a message: the background writes it for the tab's own site.
      const host = new URL(page.url()).hostname;
      const disable = await world.evaluate<{ ok: boolean; result?: { site: string } }>(`chrome.runtime.sendMessage({ type: 'site.disable', payload: { site: 'bank.example' } })`);
      expect(disable).toEqual({ ok: true, result: { site: host } });
      await setSettings(session.browser, { disabledSites: [] });
      await waitForHighlights(page, 2);
    });

    it('the content script checks every message it receives: malformed events and questions are refused, valid ones answered', async () => {
      const refused = { ok: false, error: expect.objectContaining({ code: 'bad-request' }) };
      for (const malformed of [
        { type: 'kb.revision', payload: { revision: 'all' } },
        { type: 'mention.step', payload: { direction: 'sideways' } },
        { type: 'mention.step', direction: 'next' },
        { type: 'tab.reveal', payload: { entityKey: { toString: null } } },
      ]) {
        expect(await sendToTab(session.browser, page.url(), malformed), JSON.stringify(malformed)).toEqual(refused);
      }
      expect(await sendToTab(session.browser, page.url(), { type: 'tab.mentions', payload: {} })).toMatchObject({ ok: true, result: { enabled: true } });
      expect(await sendToTab(session.browser, page.url(), { type: 'kb.revision', payload: { revision: 1 } })).toEqual({ ok: true, result: null });
      await waitForHighlights(page, 2);
    });

    it('threw nothing into the page', () => {
      expect(guard.errors).toEqual([]);
    });
  });

  it('made no request except to the fixture server and the extension itself', () => {
    expect(network.urls.some((u) => u.startsWith(session.server.origin))).toBe(true);
    expect(network.foreign([session.server.origin, `chrome-extension://${session.browser.extensionId}`])).toEqual([]);
    expect(optionsGuard.errors).toEqual([]);
    expect(optionsGuard.dialogs).toEqual([]);
  });
});
