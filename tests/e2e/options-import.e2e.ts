import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, waitForHighlights, type ExtensionBrowser } from './support/extension-browser';
import { startStaticServer, type StaticServer } from './support/static-server';

const SCREENSHOTS = 'artifacts/screenshots';
const VALID_PACK = 'tests/fixtures/packs/valid/complete.pack.json';
const DANGLING_PACK = 'tests/fixtures/packs/invalid/dangling-mention.pack.json';

describe('options page: packs', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let options: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startStaticServer(['tests/e2e/fixtures/pages']);
    browser = await launchExtensionBrowser();
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const packItems = () => options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem');

  it('lists the built-in starter pack with its counts', async () => {
    await expect.poll(() => packItems().count()).toBe(1);
    const text = await packItems().first().innerText();
    expect(text).toContain('Starter: SCO summit, Astana 2024');
    expect(text).toMatch(/\d+ entities · \d+ articles · built in/u);
  });

  it('imports a pack file and lists it', async () => {
    await options.locator('input[type=file]').setInputFiles(VALID_PACK);
    await expect.poll(() => options.getByRole('status').innerText()).toContain('Imported River Delta water summit, 2025');
    await expect.poll(() => packItems().count()).toBe(2);
    const item = packItems().filter({ hasText: 'River Delta water summit, 2025' });
    expect(await item.innerText()).toMatch(/Version 2\.1\.0-beta\.1\+build\.7 · 6 entities · 2 articles/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-after-import.png`, fullPage: true });
  });

  it('highlights the imported names on a page at once', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('river-delta.html'));
    const texts = await waitForHighlights(page, 2);
    expect(texts).toEqual(['Amara Okafor', 'Port Vale']);
    await page.close();
  });

  it('says so when the same version is imported again, and changes nothing', async () => {
    await options.locator('input[type=file]').setInputFiles(VALID_PACK);
    await expect.poll(() => options.getByRole('status').innerText()).toContain('already installed');
    expect(await packItems().count()).toBe(2);
  });

  it('shows every problem of a bad pack with its JSON path, and imports nothing', async () => {
    await options.locator('input[type=file]').setInputFiles(DANGLING_PACK);
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Nothing was imported');
    const problems = await alert.getByRole('list', { name: 'Problems' }).getByRole('listitem').allInnerTexts();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/articles\[\d+\]\.mentions\[\d+\]/u);
    expect(await packItems().count()).toBe(2);
    await options.screenshot({ path: `${SCREENSHOTS}/options-bad-pack.png`, fullPage: true });
  });

  it('removes a pack after confirmation', async () => {
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByRole('button', { name: 'Remove River Delta water summit, 2025' }).click();
    await expect.poll(() => packItems().count()).toBe(1);
  });
});
