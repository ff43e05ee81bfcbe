import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { launchBeforeInstall, type BrowserBeforeInstall } from './support/install-later';
import { paintedTexts, sendToTab, setSettings, until } from './support/page-tools';
import { startStaticServer, type StaticServer } from './support/static-server';

/** The exclusions of the page script's run-time registration, as the service worker sees them. */
function excludedPatterns(browser: ExtensionBrowser): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ excludeMatches?: string[] }>> } } }).chrome;
    return (await c.scripting.getRegisteredContentScripts())[0]?.excludeMatches ?? [];
  });
}

describe('Backstory comes to tabs that are already open', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(['tests/e2e/fixtures/pages']);
    browser = await launchExtensionBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a site turned back on lights up its open tabs without a reload, also those loaded while it was off', async () => {
    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await until(() => excludedPatterns(browser), (patterns) => patterns.includes('*://127.0.0.1/*'));
    const pages: Page[] = [];
    for (const path of ['demo.html', 'river-delta.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      pages.push(page);
    }
    const [demo] = pages as [Page, Page];
    await demo.waitForTimeout(800);
    // Loaded while off: the page script is not there at all.
    await expect(sendToTab(browser, demo.url(), { type: 'tab.mentions', payload: {} })).rejects.toThrow(/Receiving end does not exist/u);

    await setSettings(browser, { disabledSites: [] });
    expect((await until(() => paintedTexts(demo), (t) => t.length >= 70)).length).toBeGreaterThanOrEqual(70);
    expect(await sendToTab(browser, demo.url(), { type: 'tab.mentions', payload: {} })).toMatchObject({ ok: true, result: { enabled: true } });
    for (const page of pages) await page.close();
  });

  it('a site that stays off is left alone when another one is turned on', async () => {
    await setSettings(browser, { disabledSites: ['127.0.0.1', 'example.org'] });
    await until(() => excludedPatterns(browser), (patterns) => patterns.includes('*://127.0.0.1/*'));
    const page = await browser.context.newPage();
    await page.goto(server.url('demo.html'));
    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await until(() => excludedPatterns(browser), (patterns) => !patterns.includes('*://example.org/*'));
    await page.waitForTimeout(1200);
    expect(await paintedTexts(page)).toEqual([]);
    await expect(sendToTab(browser, page.url(), { type: 'tab.mentions', payload: {} })).rejects.toThrow(/Receiving end does not exist/u);
    await setSettings(browser, { disabledSites: [] });
    await until(() => paintedTexts(page), (t) => t.length >= 70);
    await page.close();
  });
});

describe('tabs open before Backstory is installed', () => {
  let before: BrowserBeforeInstall;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(['tests/e2e/fixtures/pages']);
    before = await launchBeforeInstall();
  });

  afterAll(async () => {
    await before?.close();
    await server?.close();
  });

  it('light up once it is installed, without a reload, and again after an update', async () => {
    const page = await before.context.newPage();
    await page.goto(server.url('demo.html'));
    await before.install();
    expect((await until(() => paintedTexts(page), (t) => t.length >= 70, 15_000)).length).toBeGreaterThanOrEqual(70);
    // An update (the same extension loaded again): the old copy stops, the new one takes over.
    await before.install();
    await page.waitForTimeout(3000);
    expect((await until(() => paintedTexts(page), (t) => t.length >= 70, 15_000)).length).toBeGreaterThanOrEqual(70);
    await page.close();
  });
});
