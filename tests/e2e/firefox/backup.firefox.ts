import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser';

const SCREENSHOTS = 'artifacts/screenshots';
/** A backup with "My articles" (3 saved articles, 2 hand-made entities), 2 entity edits and changed settings. */
const OWN_LIBRARY = 'tests/e2e/fixtures/backups/own-library.backup.json';
const WAIT = { timeout: 20_000 };

/** The first button whose text is `text`, once it is enabled. */
async function enabledButton(page: Page, text: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (wanted: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted && !b.disabled),
    WAIT,
    text,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

function statusIncludes(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction((wanted: string) => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent?.includes(wanted)), WAIT, text);
}

// Firefox's background is a page with URL.createObjectURL: the backup reaches the downloads
// folder without Chromium's offscreen document, by a path of its own that only this run covers.
describe('Firefox ESR: automatic backups', () => {
  let firefox: FirefoxWithExtension;
  let downloads: string;

  beforeAll(async () => {
    downloads = await mkdtemp(join(tmpdir(), 'backstory-ff-downloads-'));
    firefox = await launchFirefoxWithExtension({
      prefs: { 'browser.download.dir': downloads, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true },
    });
  });

  afterAll(async () => {
    await firefox?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('"Back up now" writes the whole library to Backstory/ in the downloads folder, gzip JSON holding every pack, article and edit', async () => {
    const options = await firefox.openExtensionPage('options.html#/storage');
    const restoreInput = (await options.waitForFunction(
      () => [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Restore from backup'))?.querySelector('input[type=file]'),
      WAIT,
    )) as ElementHandle<HTMLInputElement>;
    await restoreInput.uploadFile(OWN_LIBRARY);
    await (await enabledButton(options, 'Replace my library')).click();
    await statusIncludes(options, 'Restored 2 packs');

    await (await enabledButton(options, 'Back up now')).click();
    let written: string[] = [];
    const deadline = Date.now() + WAIT.timeout;
    while (written.length === 0 && Date.now() < deadline) {
      written = await readdir(join(downloads, 'Backstory')).catch(() => []);
      written = written.filter((name) => /^backstory-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/u.test(name));
      if (written.length === 0) await new Promise((done) => setTimeout(done, 250));
    }
    expect(written).toHaveLength(1);
    // The download may still be finishing: read once it parses.
    let file: { format?: string; packs?: Array<{ pack: { pack: { id: string }; articles: unknown[] } }>; entityEdits?: unknown[] } = {};
    for (let tries = 0; tries < 40 && file.format === undefined; tries++) {
      try {
        file = JSON.parse(gunzipSync(await readFile(join(downloads, 'Backstory', written[0]!))).toString('utf8'));
      } catch {
        await new Promise((done) => setTimeout(done, 250));
      }
    }
    expect(file.format).toBe('backstory-backup');
    expect(file.packs!.map((p) => p.pack.pack.id).sort()).toEqual(['my-articles', 'starter-sco-2024']);
    expect(file.packs!.find((p) => p.pack.pack.id === 'my-articles')!.pack.articles).toHaveLength(3);
    expect(file.entityEdits).toHaveLength(2);

    // The panel says what was written.
    await options.waitForFunction((name: string) => document.querySelector('.auto-backup')?.textContent?.includes(name), WAIT, written[0]!);
    await (await options.$('#storage-title'))!.scrollIntoView();
    await options.screenshot({ path: `${SCREENSHOTS}/firefox-backup-now.png`, fullPage: true });
    await options.close();
  });
});
