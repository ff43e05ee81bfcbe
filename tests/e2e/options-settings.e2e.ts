import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';

/** Imports and database writes are slow on a loaded machine: wait for what the user would see. */
const POLL = { timeout: 15_000 };

const VALID_PACK = 'tests/fixtures/packs/valid/complete.pack.json';

describe('options page: settings, storage and backup', () => {
  let options: Page;

  const session = useE2eSession();

  beforeAll(async () => {
    options = await session.browser.openExtensionPage('options.html#/settings');
  });

  const stored = () =>
    session.browser.serviceWorker.evaluate(async () => {
      // `chrome` exists in the service worker; this file is type-checked without its types.
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ settings?: Record<string, unknown> }> } } } }).chrome;
      return (await api.storage.local.get('settings')).settings;
    });

  it('saves each setting as soon as it changes', async () => {
    await options.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await options.getByRole('radio', { name: /^Underline/u }).check();
    await expect.poll(async () => (await stored())?.highlightStyle, POLL).toBe('underline');
    await options.getByRole('checkbox', { name: 'Places' }).uncheck();
    await expect.poll(async () => (await stored())?.hiddenEntityTypes, POLL).toEqual(['Place']);
    await options.getByLabel('Delay before the card opens (milliseconds)').fill('600');
    await options.getByLabel('Delay before the card opens (milliseconds)').press('Enter');
    await expect.poll(async () => (await stored())?.hoverDelayMs, POLL).toBe(600);
    const cap = (await stored())?.highlightCap;
    await options.getByLabel('Most names highlighted on one page').fill('999999');
    await options.getByLabel('Most names highlighted on one page').press('Tab');
    // Out of range is refused beside the field, with the range; nothing is saved.
    await options.getByText('999999 was not saved: enter a whole number from 10 to 20,000.').waitFor(POLL);
    expect((await stored())?.highlightCap).toBe(cap);
    await options.getByLabel('Most names highlighted on one page').fill('20000');
    await options.getByLabel('Most names highlighted on one page').press('Tab');
    await expect.poll(async () => (await stored())?.highlightCap, POLL).toBe(20_000);
    await options.getByLabel('Site to turn off').fill('https://www.Example.org/news/today');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(async () => (await stored())?.disabledSites, POLL).toEqual(['example.org']);
    await options.screenshot({ path: `${SCREENSHOTS}/options-settings.png`, fullPage: true });
    await options.getByRole('button', { name: 'Turn Backstory back on for example.org' }).click();
    await expect.poll(async () => (await stored())?.disabledSites, POLL).toEqual([]);
  });

  it('says inline what is wrong with a site it cannot add, and takes a wildcard', async () => {
    const field = options.getByLabel('Site to turn off');
    const note = options.getByRole('status').filter({ hasText: /\S/u });
    await field.fill('example');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    const message = options.locator(`#${await field.getAttribute('aria-describedby').then((ids) => ids!.split(' ')[0])}`);
    expect(await message.innerText()).toMatch(/“example” has no ending like \.com or \.org/u);
    expect(await message.getAttribute('role')).toBe('status');
    // The earlier changes' "Saved." is gone: only the complaint is announced.
    expect(await note.allTextContents()).toEqual([await message.textContent()]);
    // The entry stays in the field to be corrected, and nothing was stored.
    expect(await field.inputValue()).toBe('example');
    expect((await stored())?.disabledSites).toEqual([]);
    await field.scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-settings-invalid-site.png`, fullPage: true });

    await field.fill('chrome://settings');
    await field.press('Enter');
    await expect.poll(() => message.innerText(), POLL).toMatch(/only runs on web pages/u);

    // Typing clears the complaint; a wildcard is what every entry means already.
    await field.fill('*.news.example.com');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await field.press('Enter');
    await expect.poll(async () => (await stored())?.disabledSites, POLL).toEqual(['news.example.com']);
    expect(await note.count()).toBe(1);
    await field.fill('https://news.example.com/today');
    await field.press('Enter');
    await expect.poll(() => message.innerText(), POLL).toBe('news.example.com is already in the list.');
    expect(await note.allTextContents()).toEqual(['news.example.com is already in the list.']);
    await options.getByRole('button', { name: 'Turn Backstory back on for news.example.com' }).click();
    await expect.poll(async () => (await stored())?.disabledSites, POLL).toEqual([]);
  });

  it('shows storage use per pack and in all', async () => {
    await options.getByRole('link', { name: 'Storage and backup' }).click();
    await expect.poll(() => options.getByRole('table').innerText(), POLL).toContain('Starter: SCO summit, Astana 2024');
    const line = await options.getByText(/^Backstory uses \d/u).innerText();
    // One byte formatter for both sizes: "505 kB of the 83 GB …", never "505.3 KB of the 79082 MB".
    expect(line).toMatch(/^Backstory uses [\d.,]+ (bytes|kB|MB|GB) of the [\d.,]+ (kB|MB|GB|TB) the browser allows it\.$/u);
    expect(line).not.toMatch(/\d{4,}|KB/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-storage.png`, fullPage: true });
  });

  it('backs up, and restores the library and settings from the backup', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
    const backupPath = (await download.path())!;
    const backup = JSON.parse(await readFile(backupPath, 'utf8'));
    expect(backup.packs.map((p: { pack: { pack: { id: string } } }) => p.pack.pack.id)).toEqual(['starter-sco-2024']);

    // Change things after the backup: a new pack and a setting.
    await options.getByRole('link', { name: 'Packs' }).click();
    await options.locator('input[type=file]').setInputFiles(VALID_PACK);
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain('Imported');
    await options.getByRole('link', { name: 'Storage and backup' }).click();

    // A damaged copy is refused with paths and changes nothing.
    const damaged = structuredClone(backup);
    damaged.packs[0].pack.entities[0].type = 'Alien';
    const dir = await mkdtemp(join(tmpdir(), 'backstory-backup-'));
    await writeFile(join(dir, 'damaged.json'), JSON.stringify(damaged));
    // The file is checked before anything is asked: a damaged one is refused outright.
    let asked = false;
    const noteQuestion = () => (asked = true);
    options.on('dialog', noteQuestion);
    await options.locator('input[type=file]').setInputFiles(join(dir, 'damaged.json'));
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toContain('This backup is damaged');
    expect(await options.getByRole('dialog').count()).toBe(0);
    options.off('dialog', noteQuestion);
    expect(asked).toBe(false);
    expect(await options.getByRole('alert').innerText()).toContain('packs[0].pack.entities[0].type');
    expect(await options.getByRole('table').innerText()).toContain('River Delta');

    // A sound backup: the question says what it holds and what it replaces; Cancel changes nothing.
    await options.locator('input[type=file]').setInputFiles(backupPath);
    const question = options.getByRole('dialog', { name: 'Replace your library with this backup?' });
    await question.waitFor(POLL);
    const said = await question.innerText();
    expect(said).toMatch(/1 pack: “Starter: SCO summit, Astana 2024”/u);
    expect(said).toMatch(/\d+ articles\n[\s\S]*\d+ entities/u);
    expect(said).toMatch(/Your library now has 2 packs/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-restore-confirm.png` });
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => question.count(), POLL).toBe(0);
    expect(await options.getByRole('table').innerText()).toContain('River Delta');

    await options.locator('input[type=file]').setInputFiles(backupPath);
    await question.getByRole('button', { name: 'Replace my library' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain('Restored 1 pack,');
    await expect.poll(() => options.getByRole('table').innerText(), POLL).not.toContain('River Delta');
    await expect.poll(async () => (await stored())?.highlightCap, POLL).toBe(20_000);
  });

  it('fits a narrow window and follows the dark colour scheme', async () => {
    await options.setViewportSize({ width: 400, height: 900 });
    await options.getByRole('link', { name: 'Packs' }).click();
    const overflow = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await options.screenshot({ path: `${SCREENSHOTS}/options-narrow.png`, fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.getByRole('link', { name: 'Settings' }).click();
    await options.screenshot({ path: `${SCREENSHOTS}/options-settings-dark-narrow.png`, fullPage: true });
    await options.setViewportSize({ width: 1280, height: 860 });
    await options.getByRole('link', { name: 'Packs' }).click();
    await options.screenshot({ path: `${SCREENSHOTS}/options-packs-dark.png`, fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });
  });
});
