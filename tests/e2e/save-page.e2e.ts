import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { clickToolbarButton, tabIdOf } from './support/extension-action';
import { highlightTexts, waitForHighlights } from './support/extension-browser';

const CORRECTED_HEADLINE = 'Freight trains start running on the Caspian rail link';

/**
 * Saving the page one is reading. The toolbar button is clicked through the DevTools
 * protocol, which grants activeTab as a user's click does; the popup is then driven in a
 * tab of its own with `?tab=ID` naming the article's tab (entrypoints/popup/target-tab.ts).
 * Its button sends 'page.capture', the same action the context menu's item runs in the
 * background (a headless browser's context menu cannot be clicked).
 */
describe('save the page you are reading', () => {
  let article: Page;
  let articleTabId: number;
  let save: Page;

  const session = useE2eSession({ pages: ['tests/fixtures/pages'] });

  beforeAll(async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
    await options.close();
    article = await session.browser.context.newPage();
    await article.goto(session.server.url('steppe-railway.html'));
    await waitForHighlights(article);
    articleTabId = await tabIdOf(session.browser, article);
  });

  async function openPopupFor(tabId: number): Promise<Page> {
    const popup = await session.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 560 });
    return popup;
  }

  // "Cannot read a page it was not given access to" no longer holds: the page script is
  // registered at run time (scripting.registerContentScripts, so disabled sites are left
  // out of it), which needs host access to all sites, and that access covers this read too.

  it('opens a preview of the article from the popup’s "Save this page"', async () => {
    await clickToolbarButton(session.browser, article);
    const popup = await openPopupFor(articleTabId);
    const button = popup.getByRole('button', { name: 'Save this page' });
    await button.waitFor();
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-save-button.png` });
    [save] = await Promise.all([session.browser.context.waitForEvent('page'), button.click()]);
    await save.waitForLoadState();
    expect(save.url()).toMatch(/\/save\.html#[\w-]+$/u);
    await popup.close();

    await expect.poll(() => save.getByLabel('Headline').inputValue()).toBe('Caspian rail link opens to freight');
    expect(await save.getByLabel('Author').inputValue()).toBe('Dana Seitkali');
    expect(await save.getByLabel('Date', { exact: true }).inputValue()).toBe('2024-07-12T08:15:00+05:00');
    expect(await save.getByLabel('Site').inputValue()).toBe('The Steppe Courier');
    expect(await save.getByLabel('URL').inputValue()).toBe(session.server.url('news/2024/07/caspian-rail-link'));
    expect(await save.getByLabel('Text').inputValue()).toMatch(/^The first freight train[\s\S]+\n\nSpeaking at the station/u);
  });

  it('lists the names the library knows, linked, and new ones to accept or ignore', async () => {
    const known = save.getByRole('list', { name: 'Already in your library' });
    await expect.poll(() => known.innerText()).toContain('Kazakhstan');
    expect(await known.getByRole('link', { name: 'Kassym-Jomart Tokayev' }).getAttribute('href')).toMatch(/options\.html#\/entities\//u);
    const fresh = save.getByRole('list', { name: 'New names' });
    await expect.poll(() => fresh.innerText()).toContain('Sarah Thompson');
    expect(await fresh.innerText()).not.toContain('Kazakhstan');
    expect(await fresh.getByRole('combobox', { name: 'Type of Sarah Thompson' }).inputValue()).toBe('Person');
  });

  it('takes a corrected headline and one accepted name, looked at in light and dark', async () => {
    await save.getByLabel('Headline').fill(CORRECTED_HEADLINE);
    await save.getByRole('button', { name: 'Accept Sarah Thompson' }).click();
    await save.getByRole('button', { name: 'Ignore Aktau' }).click();
    expect(await save.getByRole('button', { name: 'Accept Sarah Thompson' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => save.getByText('1 new name will be added.').isVisible()).toBe(true);
    await save.setViewportSize({ width: 1200, height: 900 });
    await save.emulateMedia({ colorScheme: 'light' });
    await save.screenshot({ path: `${SCREENSHOTS}/save-preview-light.png`, fullPage: true });
    await save.emulateMedia({ colorScheme: 'dark' });
    await save.screenshot({ path: `${SCREENSHOTS}/save-preview-dark.png`, fullPage: true });
    await save.emulateMedia({ colorScheme: 'light' });
  });

  it('saves to "My articles" and says so', async () => {
    await save.getByRole('button', { name: 'Save to My articles' }).click();
    await expect.poll(() => save.getByRole('status').innerText()).toMatch(/Saved to “My articles”, with 1 new name/u);
    await save.screenshot({ path: `${SCREENSHOTS}/save-done.png` });
  });

  it('finds the saved article in the popup search', async () => {
    const popup = await openPopupFor(articleTabId);
    const search = popup.getByRole('combobox', { name: 'Search your library' });
    await search.fill('freight trains start');
    const articles = popup.getByRole('group', { name: 'Articles' });
    await expect.poll(() => articles.innerText()).toContain(CORRECTED_HEADLINE);
    await search.fill('sarah thompson');
    await expect.poll(() => popup.getByRole('group', { name: 'People, places and more' }).innerText()).toContain('Sarah Thompson');
    await popup.close();
  });

  it('says in the popup that the page is already saved, and opens it', async () => {
    const popup = await openPopupFor(articleTabId);
    const saved = popup.getByRole('button', { name: CORRECTED_HEADLINE });
    await saved.waitFor();
    expect(await popup.getByRole('region', { name: 'This page' }).innerText()).toMatch(/Already in your library/u);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-already-saved.png` });
    const [reader] = await Promise.all([session.browser.context.waitForEvent('page'), saved.click()]);
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).innerText()).toBe(CORRECTED_HEADLINE);
    await reader.close();
    await popup.close();
  });

  it('highlights the accepted name on a page that names it', async () => {
    await article.bringToFront();
    await expect.poll(async () => highlightTexts(article), { timeout: 15_000 }).toContain('Sarah Thompson');
    // Ignored and undecided names stay plain.
    expect(await highlightTexts(article)).not.toContain('Aktau');
    await article.screenshot({ path: `${SCREENSHOTS}/save-accepted-highlighted.png` });
  });

  it('reads a plain news page as a careful reader would: h1, byline split, no draft text, sensible new names', async () => {
    const ledger = await session.browser.context.newPage();
    await ledger.goto(session.server.url('daily-ledger.html'));
    await waitForHighlights(ledger);
    const tabId = await tabIdOf(session.browser, ledger);
    await clickToolbarButton(session.browser, ledger);
    const popup = await openPopupFor(tabId);
    const button = popup.getByRole('button', { name: 'Save this page' });
    await button.waitFor();
    const [preview] = await Promise.all([session.browser.context.waitForEvent('page'), button.click()]);
    await preview.waitForLoadState();
    await popup.close();

    // Not the <title> ("Daily Ledger — Leaders gather…"), and the site comes from what the title adds to the h1.
    await expect.poll(() => preview.getByLabel('Headline').inputValue()).toBe('Leaders gather in Astana as the summit opens');
    expect(await preview.getByLabel('Author').inputValue()).toBe('A. Reporter');
    expect(await preview.getByLabel('Date', { exact: true }).inputValue()).toBe('2024-07-04');
    expect(await preview.getByLabel('Site').inputValue()).toBe('Daily Ledger');
    const text = await preview.getByLabel('Text').inputValue();
    expect(text).toMatch(/^Leaders from across Asia/u);
    // Hidden by the page's stylesheet too, which only the page itself can tell (checkVisibility).
    expect(text).not.toMatch(/DRAFT NOTE|Olga Smirnova|Boris Ivanov|Pavel Orlov|Nikolai Petrov/u);

    const fresh = preview.getByRole('list', { name: 'New names' });
    await expect.poll(() => fresh.innerText(), { timeout: 15_000 }).toContain('Aigerim Nurlanova');
    const names = await fresh.locator('.choice__name').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Eurasia Policy Institute']));
    for (const wrong of ['Ledger — Leaders', 'Kazakh', 'Leaders', 'Marat Bekov']) expect(names).not.toContain(wrong);
    // Types read as words in the choices.
    expect(await fresh.getByRole('combobox', { name: 'Type of Aigerim Nurlanova' }).locator('option:checked').innerText()).toMatch(/^(Person|Other)$/u);
    await preview.setViewportSize({ width: 1200, height: 900 });
    await preview.screenshot({ path: `${SCREENSHOTS}/save-preview-daily-ledger.png`, fullPage: true });
    await preview.close();
    await ledger.close();
  });
});
