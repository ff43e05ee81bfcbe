import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { waitForHighlights, type ExtensionBrowser } from './support/extension-browser';
import { setSettings, until } from './support/page-tools';
import { PopupPage } from './support/popup-page';
import type { StaticServer } from './support/static-server';

/** The exclusions of the page script's run-time registration. */
function excludedPatterns(browser: ExtensionBrowser): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ excludeMatches?: string[] }>> } } }).chrome;
    return (await c.scripting.getRegisteredContentScripts())[0]?.excludeMatches ?? [];
  });
}

describe('toolbar popup: the page at hand, followed live', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    ({ browser, server } = session);
    page = await browser.context.newPage();
    await page.goto(server.url('demo.html'));
    await waitForHighlights(page, 70);
  });

  it('reopens on the names of this page, with an empty search box focused, whatever was searched before', async () => {
    const first = await PopupPage.open(browser, { about: page });
    await first.type('tokayev');
    await first.page.close();

    const again = await PopupPage.open(browser, { about: page });
    const onPage = again.page.getByRole('group', { name: 'On this page' }).getByRole('option');
    await expect.poll(() => onPage.count()).toBeGreaterThan(10);
    expect(await again.search.inputValue()).toBe('');
    expect(await again.search.evaluate((input) => input === document.activeElement)).toBe(true);
    await again.page.screenshot({ path: `${SCREENSHOTS}/popup-reopened-on-page.png` });
    await again.page.close();
  });

  it('in an entity’s card, a related name opens that card, Back returns, and "N more" opens the full list', async () => {
    const popup = await PopupPage.open(browser, { about: page });
    await popup.type('Vladimir Putin');
    await popup.page.keyboard.press('Enter');
    await popup.page.getByRole('heading', { level: 2, name: 'Vladimir Putin' }).waitFor();
    const related = popup.page.getByRole('region', { name: 'Related' }).getByRole('button');
    const name = (await related.first().innerText()).trim();
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-entity-related.png`, fullPage: true });
    await related.first().click();
    await popup.page.getByRole('heading', { level: 2, name }).waitFor();
    const back = popup.page.getByRole('button', { name: '← Back to Vladimir Putin' });
    expect(await back.evaluate((button) => button === document.activeElement)).toBe(true);
    await popup.page.keyboard.press('Enter');
    await popup.page.getByRole('heading', { level: 2, name: 'Vladimir Putin' }).waitFor();
    expect(await popup.page.getByRole('button', { name: '← Back to results' }).isVisible()).toBe(true);
    // Back on the first card, focus is on the name that was chosen there.
    await expect.poll(() => popup.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(name);

    const more = popup.page.getByRole('button', { name: /^\d+ more articles?$/u });
    const [library] = await Promise.all([browser.context.waitForEvent('page'), more.click()]);
    await library.waitForLoadState();
    expect(decodeURIComponent(library.url())).toMatch(/\/options\.html#\/entities\/.+/u);
    await library.setViewportSize({ width: 1280, height: 800 });
    await library.getByRole('heading', { level: 2, name: 'Vladimir Putin' }).waitFor();
    const count = Number(/Mentioned in (\d+)/u.exec(await library.getByText(/^Mentioned in \d+ articles?$/u).innerText())?.[1]);
    expect(await library.locator('.mention-list > li').count()).toBe(count);
    await library.screenshot({ path: `${SCREENSHOTS}/entity-all-articles-1280x800.png` });
    await library.close();
    await popup.page.close();
  });

  it('a site turned back on in the popup: its names appear in the popup while it stays open', async () => {
    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await until(() => excludedPatterns(browser), (patterns) => patterns.includes('*://127.0.0.1/*'));
    // Loaded while off: the page has no Backstory at all.
    await page.reload();
    const popup = await PopupPage.open(browser, { about: page });
    await expect.poll(() => popup.page.getByRole('status').innerText()).toContain('Off on 127.0.0.1');
    await popup.page.getByRole('switch', { name: 'On 127.0.0.1' }).click();
    const onPage = popup.page.getByRole('group', { name: 'On this page' }).getByRole('option');
    await expect.poll(() => onPage.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-site-back-on.png` });
    await popup.page.close();
  });

  it('follows the page’s rescan after the site is switched off and on again elsewhere', async () => {
    const popup = await PopupPage.open(browser, { about: page });
    const onPage = popup.page.getByRole('group', { name: 'On this page' }).getByRole('option');
    await expect.poll(() => onPage.count()).toBeGreaterThan(10);
    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await expect.poll(() => popup.page.getByRole('status').innerText()).toContain('Off on 127.0.0.1');
    await setSettings(browser, { disabledSites: [] });
    await expect.poll(() => onPage.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await popup.page.close();
  });
});
