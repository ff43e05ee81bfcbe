import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Dialog, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { waitForHighlights } from './support/extension-browser';
import { libraryState } from './support/library-state';
import { generatePack } from '../../bench/import/generate-pack';
import { validatePack } from '../../lib/pack/validate';

/** Imports and database writes are slow on a loaded machine: wait for what the user would see. */
const POLL = { timeout: 15_000 };

const VALID_PACK = 'tests/fixtures/packs/valid/complete.pack.json';
const DANGLING_PACK = 'tests/fixtures/packs/invalid/dangling-mention.pack.json';

describe('options page: packs', () => {
  let options: Page;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    options = await session.browser.openExtensionPage('options.html');
  });

  const packItems = () => options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem');

  it('lists the built-in starter pack with its counts', async () => {
    await expect.poll(() => packItems().count(), POLL).toBe(1);
    const text = await packItems().first().innerText();
    expect(text).toContain('Starter: SCO summit, Astana 2024');
    expect(text).toMatch(/\d+ entities · \d+ articles · built in/u);
  });

  it('imports a pack file and lists it', async () => {
    await options.locator('input[type=file]').setInputFiles(VALID_PACK);
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain('Imported River Delta water summit, 2025');
    await expect.poll(() => packItems().count(), POLL).toBe(2);
    const item = packItems().filter({ hasText: 'River Delta water summit, 2025' });
    expect(await item.innerText()).toMatch(/Version 2\.1\.0-beta\.1\+build\.7 · 6 entities · 2 articles/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-after-import.png`, fullPage: true });
  });

  it('highlights the imported names on a page at once', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('river-delta.html'));
    const texts = await waitForHighlights(page, 2);
    expect(texts).toEqual(['Amara Okafor', 'Port Vale']);
    await page.close();
  });

  it('says so when the same version is imported again, changes nothing, and replaces when asked', async () => {
    await options.locator('input[type=file]').setInputFiles(VALID_PACK);
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain('already installed');
    expect(await packItems().count()).toBe(2);
    await options.getByRole('button', { name: 'Replace anyway' }).click();
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain('Updated River Delta water summit, 2025');
    expect(await packItems().count()).toBe(2);
  });

  it('stops and restarts highlighting a pack’s names in open tabs at once', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('river-delta.html'));
    await waitForHighlights(page, 2);
    const painted = () => page.evaluate(() => (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get('backstory-mention')?.size ?? 0);
    await options.getByRole('checkbox', { name: 'Highlight names of River Delta water summit, 2025' }).uncheck();
    await expect.poll(painted, POLL).toBe(0);
    await options.getByRole('checkbox', { name: 'Highlight names of River Delta water summit, 2025' }).check();
    await expect.poll(painted, POLL).toBe(2);
    await page.close();
  });

  it('exports a pack as a file that validates and keeps unknown properties', async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export River Delta water summit, 2025' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('river-delta-summit.2025-2.1.0-beta.1_build.7.pack.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(validatePack(exported).ok).toBe(true);
    expect(exported.pack['x-curator']).toBe('kept for export');
    expect(exported.articles).toHaveLength(2);
  });

  it('shows every problem of a bad pack with its JSON path, and imports nothing', async () => {
    await options.locator('input[type=file]').setInputFiles(DANGLING_PACK);
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText(), POLL).toContain('Nothing was imported');
    const problems = await alert.getByRole('list', { name: 'Problems' }).getByRole('listitem').allInnerTexts();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/articles\[\d+\]\.mentions\[\d+\]/u);
    expect(await packItems().count()).toBe(2);
    await options.screenshot({ path: `${SCREENSHOTS}/options-bad-pack.png`, fullPage: true });
  });

  it('removes a pack at once, without a dialog, and Undo brings all of it back', async () => {
    // Unhandled dialogs are dismissed: a confirm() would cancel the removal and be recorded here.
    const dialogs: string[] = [];
    const noteDialog = (dialog: Dialog) => void dialogs.push(dialog.message());
    options.on('dialog', noteDialog);
    await options.getByRole('button', { name: 'Remove River Delta water summit, 2025' }).click();
    await expect.poll(() => packItems().count(), POLL).toBe(1);
    await options.getByRole('button', { name: /^Undo/u }).click();
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain('Restored River Delta water summit, 2025');
    await expect.poll(() => packItems().count(), POLL).toBe(2);
    expect(await packItems().filter({ hasText: 'River Delta' }).innerText()).toMatch(/6 entities · 2 articles/u);
    await options.getByRole('button', { name: 'Remove River Delta water summit, 2025' }).click();
    await expect.poll(() => packItems().count(), POLL).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/options-pack-removed-undo.png`, fullPage: true });
    options.off('dialog', noteDialog);
    expect(dialogs).toEqual([]);
  });

  it('imports a dropped gzip pack, showing named stages and progress while it works', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backstory-pack-'));
    const file = join(dir, 'generated.pack.json.gz');
    await writeFile(file, gzipSync(JSON.stringify(generatePack({ articles: 1500, entities: 6000 }))));
    const bytes = [...(await readFile(file))];
    // A drop as the browser delivers it: a DataTransfer holding the file.
    const dataTransfer = await options.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'generated.pack.json.gz', { type: 'application/gzip' }));
      return transfer;
    }, bytes);
    await options.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
    const progress = options.getByRole('region', { name: 'Importing generated.pack.json.gz' });
    await progress.getByRole('listitem').filter({ hasText: 'Write' }).and(options.locator('[aria-current=step]')).waitFor({ timeout: 30_000 });
    // In view, wherever the import was started (the Wikidata card above it is tall).
    expect(await progress.evaluate((el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true);
    await options.screenshot({ path: `${SCREENSHOTS}/options-import-progress.png`, fullPage: true });
    await options.screenshot({ path: `${SCREENSHOTS}/options-import-progress-viewport.png` });
    await expect.poll(() => options.getByRole('status').first().innerText(), { timeout: 60_000 }).toContain('Imported Generated pack (1500 articles): 6,000 entities, 1,500 articles');
    expect(await progress.count()).toBe(0);
    await options.getByRole('button', { name: 'Remove Generated pack (1500 articles)' }).click();
    await expect.poll(() => packItems().count(), { timeout: 20_000 }).toBe(1);
  });

  it('leaves the library as it was when the page is closed in the middle of writing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backstory-pack-'));
    const file = join(dir, 'crash.pack.json');
    await writeFile(file, JSON.stringify(generatePack({ articles: 1500, entities: 6000, id: 'crash' })));
    const before = await libraryState(options);
    const doomed = await session.browser.openExtensionPage('options.html');
    await doomed.locator('input[type=file]').setInputFiles(file);
    await doomed.locator('.import-progress [aria-current=step]', { hasText: 'Write' }).waitFor({ timeout: 30_000 });
    // Leaving asks first; the user stays.
    const asked = doomed.waitForEvent('dialog');
    await doomed.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    // Then the page goes anyway (a crash, a killed tab): the worker dies with it, before the pack was switched live.
    await doomed.close({ runBeforeUnload: false });
    // What it wrote has no pack row, so no reader sees it (lib/kb/staged-pack.ts)...
    const after = await libraryState(options);
    expect(after.packs).toEqual(before.packs);
    for (const table of ['entities', 'articles']) expect({ ...after.rows[table], crash: undefined }).toEqual({ ...before.rows[table], crash: undefined });
    expect(await packItems().count()).toBe(1);
    // ...and the next import removes it.
    const next = await session.browser.openExtensionPage('options.html');
    await next.locator('input[type=file]').setInputFiles(VALID_PACK);
    await next.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 60_000 });
    const cleaned = await libraryState(options);
    expect([cleaned.rows.entities?.crash, cleaned.rows.articles?.crash]).toEqual([undefined, undefined]);
    await next.close();
  });

  it('says so while an import first clears the rows an unfinished one left behind', async () => {
    // What an import cut off leaves (lib/kb/staged-pack.ts): a staged record and rows of a pack that has no pack row.
    const LEFT = 40_000;
    await options.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('backstory');
        request.addEventListener('success', () => resolve(request.result));
        request.addEventListener('error', () => reject(request.error));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['meta', 'entities'], 'readwrite');
        tx.objectStore('meta').put({ key: 'stagedPack/left-behind', value: { packId: 'left-behind', startedAt: Date.now() } });
        const entities = tx.objectStore('entities');
        for (let i = 0; i < count; i++) {
          entities.put({ key: `left-behind/e${i}`, packId: 'left-behind', id: `e${i}`, name: `Left ${i}`, type: 'Thing', alternateName: [], sameAs: [], nameFold: `left ${i}` });
        }
        tx.addEventListener('complete', () => resolve());
        tx.addEventListener('error', () => reject(tx.error));
      });
      db.close();
    }, LEFT);
    const dir = await mkdtemp(join(tmpdir(), 'backstory-pack-'));
    const file = join(dir, 'after-leftovers.pack.json');
    await writeFile(file, JSON.stringify(generatePack({ articles: 20, entities: 100, id: 'after-leftovers' })));
    await options.locator('input[type=file]').setInputFiles(file);
    const clearing = options.locator('.import-progress__count', { hasText: 'Clearing an unfinished import…' });
    await clearing.waitFor({ timeout: 30_000 });
    await options.screenshot({ path: `${SCREENSHOTS}/options-import-clearing.png`, fullPage: true });
    await options.getByRole('status').filter({ hasText: 'Imported Generated pack (20 articles)' }).waitFor({ timeout: 60_000 });
    const after = await libraryState(options);
    expect(after.rows.entities?.['left-behind']).toBeUndefined();
    await options.getByRole('button', { name: 'Remove Generated pack (20 articles)' }).click();
  });
});
