import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from './support/e2e-session';
import type { ExtensionBrowser } from './support/extension-browser';
import { PopupPage } from './support/popup-page';
import { stopServiceWorker } from './support/service-worker';

/**
 * Where the popup's answers come from (entrypoints/popup/search-source.ts): the background
 * at first, then the popup's own copy of the index. Whichever answers, the user sees the
 * same results: the popup's copy is compared with the background's own answer to the
 * `kb.search` message.
 */
const QUERIES = ['astana', 'erdgan', 'sco', 'xi jinping', 'summit'];
const AMBIGUOUS_PACK = 'tests/e2e/fixtures/packs/ambiguous.pack.json';

async function open(browser: ExtensionBrowser, query = ''): Promise<PopupPage> {
  const page = await browser.openExtensionPage(`popup.html${query}`);
  await page.setViewportSize({ width: 380, height: 600 });
  await page.waitForFunction(() => performance.getEntriesByName('backstory:usable').length > 0);
  return new PopupPage(page);
}

async function copyLoaded(popup: PopupPage): Promise<void> {
  await popup.page.waitForFunction(() => performance.getEntriesByName('backstory:local-index').length > 0, undefined, { timeout: 15_000 });
}

async function allResults(popup: PopupPage, query: string): Promise<string[]> {
  await popup.type(query);
  return popup.page.getByRole('option').allInnerTexts();
}

/** The titles the background answers `query` with, asked from an extension page as the popup asks. */
async function backgroundTitles(page: Page, query: string): Promise<string[]> {
  type Hit = { title: { text: string } };
  const reply = await page.evaluate(
    (q) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'kb.search', payload: { query: q } }),
    query,
  );
  const { result } = reply as { result: { entities: Hit[]; articles: Hit[] } };
  return [...result.entities, ...result.articles].map((hit) => hit.title.text);
}

describe('toolbar popup: where the answers come from', () => {

  const session = useE2eSession();

  beforeAll(async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
    await options.close();
  });

  it('shows the same results from its own copy as from the background', async () => {
    const hybrid = await open(session.browser);
    await copyLoaded(hybrid);
    for (const query of QUERIES) {
      const expected = await backgroundTitles(hybrid.page, query);
      expect(expected.length, query).toBeGreaterThan(0);
      const shown = await allResults(hybrid, query);
      expect(shown.length, query).toBe(expected.length);
      shown.forEach((text, i) => expect(text.startsWith(expected[i]!), `${query}: ${text}`).toBe(true));
    }
    await hybrid.page.close();
  });

  it('drops its copy when the library changes, and finds what was added', async () => {
    const popup = await open(session.browser);
    await copyLoaded(popup);
    expect(await allResults(popup, 'michael jordan')).toEqual([]);
    const options = await session.browser.openExtensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles(AMBIGUOUS_PACK);
    await options.getByText('Two Jordans').first().waitFor();
    // The copy's revision is checked beside searches, at most every 2 s: type again until the change shows.
    await expect.poll(async () => (await allResults(popup, 'michael jordan'))[0] ?? '', { timeout: 15_000, interval: 500 }).toMatch(/^Michael Jordan/u);
    await options.close();
    await popup.page.close();
  });

  it('keeps answering when the service worker is stopped under it', async () => {
    const popup = await open(session.browser);
    expect((await backgroundTitles(popup.page, 'tokayev'))[0]).toMatch(/^Kassym-Jomart Tokayev/u);
    await stopServiceWorker(session.browser, popup.page);
    // The next search asked of the background wakes it; the popup keeps answering too.
    expect((await backgroundTitles(popup.page, 'astana'))[0]).toMatch(/^Astana\b/u);
    expect((await allResults(popup, 'astana'))[0]).toMatch(/^Astana\b/u);
    await popup.page.close();
  });
});
