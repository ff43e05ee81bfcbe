import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';

const SCREENSHOTS = 'artifacts/screenshots';

describe('toolbar popup: search', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchExtensionBrowser();
    // Wait for first-run setup (the starter pack) before opening the popup.
    const options = await browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
    await options.close();
    popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds an entity and the articles whose headline matches as the user types', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search your library' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('astana');
    const entities = popup.getByRole('region', { name: 'Entities' });
    await expect.poll(() => entities.getByRole('listitem').first().innerText()).toContain('Astana');
    const articles = popup.getByRole('region', { name: 'Articles' });
    expect(await articles.getByRole('listitem').count()).toBeGreaterThan(0);
    expect((await articles.getByRole('listitem').allInnerTexts()).join('\n')).toMatch(/Astana/iu);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-results.png` });
  });

  it('folds diacritics: "erdogan" finds Erdoğan', async () => {
    await popup.getByRole('searchbox').fill('erdogan');
    await expect.poll(() => popup.getByRole('region', { name: 'Entities' }).innerText()).toContain('Erdoğan');
  });

  it('says when nothing matches', async () => {
    await popup.getByRole('searchbox').fill('zzqx');
    await expect.poll(() => popup.getByText(/Nothing in your library matches/u).isVisible()).toBe(true);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-no-results.png` });
  });

  it('opens an article result in the reader', async () => {
    await popup.getByRole('searchbox').fill('astana');
    const first = popup.getByRole('region', { name: 'Articles' }).getByRole('button').first();
    const headline = await first.innerText();
    const [reader] = await Promise.all([browser.context.waitForEvent('page'), first.click()]);
    await reader.waitForLoadState();
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).innerText()).toBe(headline);
    await reader.screenshot({ path: `${SCREENSHOTS}/article-reader.png`, fullPage: true });
  });
});
