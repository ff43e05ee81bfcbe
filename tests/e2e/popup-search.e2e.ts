import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import type { ExtensionBrowser } from './support/extension-browser';
import { PopupPage } from './support/popup-page';

const LONG_NAMES_PACK = 'tests/e2e/fixtures/packs/long-names.pack.json';

/** Screenshots of the popup in both colour schemes; looked at by hand. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('toolbar popup', () => {
  let popup: PopupPage;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    // First-run setup (the starter pack), then a pack with very long names, the way a user imports one.
    const options = await session.browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
    await options.locator('input[type=file]').setInputFiles(LONG_NAMES_PACK);
    await options.getByText('Long names').first().waitFor();
    await options.close();
    popup = await PopupPage.open(session.browser);
  });

  it('opens focused on the search box; on a page extensions cannot read, it says so', async () => {
    await expect.poll(() => popup.search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Opened as a tab, the active tab is the popup itself: an extension page, closed to content scripts.
    await expect.poll(() => popup.page.getByRole('status').innerText()).toContain('Backstory can’t read this page');
    await shoot(popup.page, 'popup-empty');
  });

  it('finds entities and articles as the user types, grouped, with the matching words marked', async () => {
    await popup.type('astana');
    expect((await popup.optionTexts('People, places and more'))[0]).toMatch(/^Astana\b/u);
    const articles = await popup.optionTexts('Articles');
    expect(articles.length).toBeGreaterThan(1);
    // Headline matches rank above text matches; a text match shows the text around it.
    expect(articles[0]).toMatch(/Astana/u);
    expect(await popup.page.locator('[role=option] mark').first().innerText()).toBe('Astana');
    expect(await popup.page.locator('[role=option] mark').evaluateAll((ms) => ms.every((m) => /^astana$/iu.test(m.textContent ?? '')))).toBe(true);
    await shoot(popup.page, 'popup-results');
  });

  it('moves through results with the arrow keys, across groups, and wraps', async () => {
    const ids = await popup.page.getByRole('option').evaluateAll((os) => os.map((o) => o.id));
    expect(await popup.activeId()).toBe(ids[0]);
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.activeId()).toBe(ids[1]);
    expect(await popup.page.locator(`#${ids[1]}`).getAttribute('aria-selected')).toBe('true');
    await popup.page.keyboard.press('ArrowUp');
    await popup.page.keyboard.press('ArrowUp');
    expect(await popup.activeId()).toBe(ids.at(-1));
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.activeId()).toBe(ids[0]);
  });

  it('opens an entity’s card in the popup with Enter, and Esc goes back to the results', async () => {
    await popup.page.keyboard.press('Enter');
    const heading = popup.page.getByRole('heading', { level: 2 });
    await expect.poll(() => heading.innerText()).toBe('Astana');
    expect(await popup.page.getByText(/^In \d+ articles?$/u).count()).toBe(1);
    await expect.poll(() => popup.page.evaluate(() => document.activeElement?.textContent)).toContain('Back to results');
    await shoot(popup.page, 'popup-entity-card');
    await popup.page.keyboard.press('Escape');
    await expect.poll(() => popup.search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await popup.search.inputValue()).toBe('astana');
    expect((await popup.optionTexts('People, places and more'))[0]).toMatch(/^Astana\b/u);
  });

  it('forgives a typo and folds diacritics', async () => {
    await popup.type('erdgan');
    expect((await popup.optionTexts('People, places and more'))[0]).toMatch(/^Recep Tayyip Erdoğan/u);
    await popup.type('ERDOGAN');
    expect((await popup.optionTexts('People, places and more'))[0]).toMatch(/^Recep Tayyip Erdoğan/u);
  });

  it('says when nothing matches, and Esc clears the box', async () => {
    await popup.type('zzqx');
    await expect.poll(() => popup.page.getByRole('status').innerText()).toContain('Nothing in your library matches “zzqx”');
    await shoot(popup.page, 'popup-no-results');
    await popup.page.keyboard.press('Escape');
    expect(await popup.search.inputValue()).toBe('');
  });

  it('wraps a long name to two lines at most, cut once, with its type whole beside it', async () => {
    await popup.type('commission');
    const names = popup.page.locator('.results__name');
    await expect.poll(() => names.count()).toBeGreaterThan(1);
    const lines = await names.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))));
    // The commission's name takes two lines, clamped there; no name takes more.
    expect(Math.max(...lines)).toBe(2);
    const details = popup.page.locator('.results__line .results__detail');
    const cut = await details.evaluateAll((els) => els.map((el) => `${el.textContent}: ${el.scrollWidth > el.clientWidth}`));
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.filter((c) => c.endsWith('true'))).toEqual([]);
    expect(await popup.page.locator('.results__line .results__detail').allInnerTexts()).toContain('Organization');
    expect(await popup.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shoot(popup.page, 'popup-long-names');
  });

  it('opens an article result in the reader with the keyboard', async () => {
    await popup.type('astana');
    const first = popup.page.getByRole('group', { name: 'Articles' }).getByRole('option').first();
    const firstId = await first.getAttribute('id');
    while ((await popup.activeId()) !== firstId) await popup.page.keyboard.press('ArrowDown');
    const headline = await first.locator('.results__name').innerText();
    const [reader] = await Promise.all([session.browser.context.waitForEvent('page'), popup.page.keyboard.press('Enter')]);
    await reader.waitForLoadState();
    expect(reader.url()).toContain('/options.html#/articles/');
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).innerText()).toBe(headline);
    await reader.close();
  });

  it('forgets the query when it closes: the next opening starts empty', async () => {
    await popup.type('tokayev');
    const again = await PopupPage.open(session.browser);
    await again.page.waitForTimeout(300);
    expect(await again.search.inputValue()).toBe('');
    await again.page.keyboard.type('putin');
    expect(await again.search.inputValue()).toBe('putin');
    await again.page.close();
  });

  it('switches Backstory off for the site, and pauses it everywhere', async () => {
    const site = await session.browser.context.newPage();
    await site.goto(session.server.url('plain.html'));
    const forSite = await PopupPage.open(session.browser, { about: site });

    const siteSwitch = forSite.page.getByRole('switch', { name: 'On 127.0.0.1' });
    expect(await siteSwitch.isChecked()).toBe(true);
    await siteSwitch.click();
    await expect.poll(() => storedSettings(session.browser)).toMatchObject({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => forSite.page.getByRole('status').innerText()).toContain('Off on 127.0.0.1');
    await shoot(forSite.page, 'popup-site-off');
    await siteSwitch.click();
    await expect.poll(() => storedSettings(session.browser)).toMatchObject({ disabledSites: [] });

    const pause = forSite.page.getByRole('switch', { name: 'Pause everywhere' });
    expect(await pause.isChecked()).toBe(false);
    await pause.focus();
    await forSite.page.keyboard.press('Space');
    await expect.poll(() => storedSettings(session.browser)).toMatchObject({ paused: true });
    await expect.poll(() => forSite.page.getByRole('status').innerText()).toContain('Backstory is paused');
    // Paused everywhere: the site's own switch waits.
    expect(await siteSwitch.isDisabled()).toBe(true);
    await shoot(forSite.page, 'popup-paused');
    await forSite.page.keyboard.press('Space');
    await expect.poll(() => storedSettings(session.browser)).toMatchObject({ paused: false });
    await forSite.page.close();
    await site.close();
  });
});

async function storedSettings(browser: ExtensionBrowser): Promise<unknown> {
  return browser.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await chrome.storage.local.get('settings')).settings;
  });
}
