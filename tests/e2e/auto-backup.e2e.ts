import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './support/e2e-session';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { libraryRows } from './support/library-rows';
import { PopupPage } from './support/popup-page';

const POLL = { timeout: 20_000 };
/** A backup with "My articles" (3 saved articles, 2 hand-made entities), 2 entity edits and changed settings. */
const OWN_LIBRARY = 'tests/e2e/fixtures/backups/own-library.backup.json';

interface DownloadItem {
  id: number;
  filename: string;
  state: string;
}

type WorkerChrome = {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  downloads: { search(query: { id: number }): Promise<DownloadItem[]> };
};

async function restoreFromFile(options: Page, path: string): Promise<void> {
  await options.getByLabel('Restore from backup…').setInputFiles(path);
  await options.getByRole('dialog', { name: 'Replace your library with this backup?' }).getByRole('button', { name: 'Replace my library' }).click();
  await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain('Restored 2 packs');
}

/**
 * Downloads go through Chromium's own download manager into `dir`, as into a user's
 * downloads folder. Playwright otherwise takes them over (a random name in a folder of
 * its own), and so does DevTools' 'allow', which ignores the name the extension asked for.
 */
async function downloadInto(browser: ExtensionBrowser, dir: string): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  void dir;
}

/** A profile whose downloads folder is `dir` and which never asks where to save. */
async function profileDownloadingInto(profile: string, dir: string): Promise<void> {
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: dir, prompt_for_download: false, directory_upgrade: true } }));
}

/** The automatic backups recorded in storage.local. */
async function backupRecords(browser: ExtensionBrowser): Promise<Array<{ downloadId: number; fileName: string; bytes: number }>> {
  return browser.serviceWorker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local;
    const state = (await local.get('autoBackups')).autoBackups as { records?: [] } | undefined;
    return state?.records ?? [];
  });
}

/** Rows in key order, so that two reads compare field by field whatever order they came in. */
function byKey(rows: unknown[]): unknown[] {
  return [...(rows as Array<{ key?: string; id?: string }>)].sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
}

describe('automatic backups, and a library the browser lost', () => {
  it('writes a scheduled backup to the downloads folder, notices the deleted database at the next start, and restores every article, edit and setting', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'backstory-evicted-'));
    let browser: ExtensionBrowser | undefined;
    try {
      const downloads = join(profile, 'Downloads');
      await profileDownloadingInto(profile, downloads);
      browser = await launchExtensionBrowser({ userDataDir: profile });
      const extensionId = browser.extensionId;
      await downloadInto(browser, downloads);
      let options = await browser.openExtensionPage('options.html#/storage');
      await restoreFromFile(options, OWN_LIBRARY);
      const before = await libraryRows(options);
      expect(before.articles.length).toBe(13);
      expect(before.entityEdits.length).toBe(2);

      // The schedule, shortened: the alarm fires in a moment instead of a week.
      await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.alarms.create('backstory-auto-backup', { when: Date.now() + 500 }));
      await expect.poll(async () => (await backupRecords(browser!)).length, POLL).toBe(1);
      const [record] = await backupRecords(browser);
      expect(record!.fileName).toMatch(/^Backstory\/backstory-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/u);
      const item = await browser.serviceWorker.evaluate(async (id) => (await (globalThis as unknown as { chrome: WorkerChrome }).chrome.downloads.search({ id }))[0], record!.downloadId);
      expect(item?.state).toBe('complete');
      expect(item!.filename).toBe(join(downloads, record!.fileName));
      expect(existsSync(item!.filename)).toBe(true);
      const file = JSON.parse(gunzipSync(await readFile(item!.filename)).toString('utf8'));
      expect(file.format).toBe('backstory-backup');
      expect(file.packs.map((p: { pack: { pack: { id: string } } }) => p.pack.pack.id).sort()).toEqual(['my-articles', 'starter-sco-2024']);

      // Storage and backup shows it.
      await options.reload();
      const status = options.locator('.auto-backup');
      await expect.poll(() => status.innerText(), POLL).toContain('backstory-backup-');
      expect(await status.innerText()).toMatch(/Next backup\s+\S+ \d+, 20\d\d/u);
      await options.locator('#storage-title').scrollIntoViewIfNeeded();
      await options.screenshot({ path: `${SCREENSHOTS}/storage-auto-backup.png`, fullPage: true });
      await browser.close();

      // Behind Backstory's back: the extension's IndexedDB folder goes, as an eviction would take it.
      const idbDir = join(profile, 'Default', 'IndexedDB');
      const folders = (await readdir(idbDir)).filter((name) => name.includes(extensionId));
      expect(folders.length).toBeGreaterThan(0);
      for (const name of folders) await rm(join(idbDir, name), { recursive: true, force: true });

      browser = await launchExtensionBrowser({ userDataDir: profile });
      await downloadInto(browser, downloads);
      const lostPopup = await browser.openExtensionPage('popup.html');
      await lostPopup.getByRole('alert').filter({ hasText: 'Your library was cleared' }).waitFor(POLL);
      await lostPopup.setViewportSize({ width: 400, height: 520 });
      await lostPopup.screenshot({ path: `${SCREENSHOTS}/popup-library-cleared.png` });
      await lostPopup.close();

      options = await browser.openExtensionPage('options.html');
      const notice = options.getByRole('alert').filter({ hasText: 'Your library was cleared' });
      await notice.waitFor(POLL);
      expect(await notice.innerText()).toContain('13 articles');
      await options.screenshot({ path: `${SCREENSHOTS}/options-library-cleared.png` });
      // Nothing was silently started over: no starter pack came back by itself.
      expect((await libraryRows(options)).packs).toEqual([]);

      await notice.getByRole('button', { name: /^Restore from the backup of / }).click();
      await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain('Your library is back');
      await expect.poll(() => notice.count(), POLL).toBe(0);

      const after = await libraryRows(options);
      for (const table of ['packs', 'entities', 'articles', 'entityEdits'] as const) expect(byKey(after[table])).toEqual(byKey(before[table]));
      expect(after.settings).toEqual(before.settings);

      // The saved articles leave in an open format: a zip of Markdown notes with front matter.
      await options.goto(`chrome-extension://${browser.extensionId}/options.html#/storage`);
      await options.getByRole('button', { name: 'Export as Markdown (.zip)' }).click();
      await expect.poll(() => options.getByRole('status').filter({ hasText: 'Exported' }).innerText(), POLL).toContain('Exported 3 articles as Markdown files');
      let zipName: string | undefined;
      await expect.poll(async () => (zipName = (await readdir(downloads)).find((name) => /^backstory-articles-.*\.zip$/u.test(name))), POLL).toBeDefined();
      const notes = unzipSync(new Uint8Array(await readFile(join(downloads, zipName!))));
      expect(Object.keys(notes).sort()).toEqual([
        'My articles/2026-11-30-river-delta-towns-vote-on-a-shared-flood-plan.md',
        'My articles/2026-12-01-astana-hosts-a-second-round-of-talks.md',
        'My articles/2026-12-02-night-trains-return-to-the-steppe-line.md',
      ]);
      const note = strFromU8(notes['My articles/2026-12-01-astana-hosts-a-second-round-of-talks.md']!);
      expect(note).toMatch(/^---\ntitle: Astana hosts a second round of talks\n/u);
      expect(note).toContain('url: https://example.org/news/astana-talks');
      expect(note).toMatch(/names:\n(?:  - .+\n)*  - Amara Okafor\n/u);
      await options.getByRole('heading', { name: 'Your articles in open formats' }).scrollIntoViewIfNeeded();
      await options.screenshot({ path: `${SCREENSHOTS}/storage-open-formats.png` });

      // A restored hand-made entity's card, copied from the popup as Markdown with its sentences and sources.
      const popup = await PopupPage.open(browser);
      await popup.type('amara okafor');
      await expect.poll(async () => (await popup.optionTexts('People, places and more'))[0] ?? '', POLL).toMatch(/^Amara Okafor/u);
      await popup.page.keyboard.press('Enter');
      // What reaches the clipboard is noted on the way (reading it back needs a permission extension pages cannot be granted here).
      await popup.page.evaluate(() => {
        const clipboard = navigator.clipboard;
        const write = clipboard.writeText.bind(clipboard);
        clipboard.writeText = (text: string) => {
          (globalThis as unknown as { copied: string }).copied = text;
          return write(text);
        };
      });
      await popup.page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect.poll(() => popup.page.getByRole('status').filter({ hasText: 'Copied' }).count(), POLL).toBe(1);
      const copied = await popup.page.evaluate(() => (globalThis as unknown as { copied: string }).copied);
      expect(copied).toMatch(/^# Amara Okafor\n\n\*Person\*/u);
      expect(copied).toContain('- [Astana hosts a second round of talks](<https://example.org/news/astana-talks>) — Harbour Gazette, 2026-12-01');
      expect(copied).toContain('  > Vladimir Putin sent a message to the meeting; Amara Okafor attended as an observer.');
      await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-card-copied.png` });
    } finally {
      await browser?.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    }
  });
});
