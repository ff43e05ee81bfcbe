import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { highlightTexts, waitForHighlights } from './support/extension-browser';
import { largePack } from './support/large-pack';
import { libraryState } from './support/library-state';

/**
 * Removing a big pack is one short write (lib/kb/removed-packs.ts): the list and the
 * page's highlights follow at once, Undo brings the pack back at once, and the rows are
 * deleted once the Undo offer is over.
 */
const LARGE = { id: 'remove-large', entities: 50_000, articles: 20, bodyFillerChars: 100 };
const NAME = 'Large generated pack remove-large';
const ON_PAGE = ['Nelkaka Testperson7', 'Vanello Testperson31337', 'Nelmiquel Testperson49999'];
const IMPORT_TIMEOUT_MS = 240_000;
const SMALL_PACK = 'tests/fixtures/packs/valid/complete.pack.json';
/** The Undo offer (hooks/use-undo-countdown.ts) and the chunked deletion after it, on a loaded machine. */
const PURGE_TIMEOUT_MS = 60_000;

describe('options page: removing a pack of 50,000 names', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let options: Page;
  let page: Page;
  const packItems = () => options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem');
  const removeButton = () => options.getByRole('button', { name: `Remove ${NAME}` });
  const rowsOfLarge = async () => {
    const state = await libraryState(options);
    return { entities: state.rows.entities?.[LARGE.id] ?? 0, articles: state.rows.articles?.[LARGE.id] ?? 0 };
  };
  /** Milliseconds from the click until the pack has left the list. */
  const removeAndTime = async () => {
    const count = await packItems().count();
    const started = Date.now();
    await removeButton().click();
    await expect.poll(() => packItems().count(), { timeout: 10_000, interval: 20 }).toBe(count - 1);
    return Date.now() - started;
  };

  beforeAll(async () => {
    options = await session.browser.openExtensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles({ name: 'remove-large.pack.json', mimeType: 'application/json', buffer: Buffer.from(largePack(LARGE).json) });
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('generated-names.html'));
    expect(await waitForHighlights(page, 3)).toEqual(ON_PAGE);
  }, IMPORT_TIMEOUT_MS + 30_000);

  it('hides the pack at once (list and page), and Undo brings it back at once', async () => {
    const took = await removeAndTime();
    console.info(`Backstory e2e: a pack of ${LARGE.entities} entities left the list ${took} ms after the click`);
    expect(took).toBeLessThan(3_000);
    await options.getByRole('button', { name: /^Undo/u }).waitFor();
    await options.screenshot({ path: `${SCREENSHOTS}/options-large-pack-removed.png`, fullPage: true });
    await expect.poll(() => highlightTexts(page), { timeout: 10_000 }).toEqual([]);
    // Hidden, not deleted: Undo has everything to put back.
    expect(await rowsOfLarge()).toEqual({ entities: LARGE.entities, articles: LARGE.articles });

    await options.getByRole('button', { name: /^Undo/u }).click();
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 5_000 }).toContain(`Restored ${NAME}`);
    expect(await packItems().filter({ hasText: NAME }).innerText()).toMatch(/50,000 entities · 20 articles/u);
    await expect.poll(() => highlightTexts(page), { timeout: 10_000 }).toEqual(ON_PAGE);
  });

  it('deletes the rows once the Undo offer is over, and the page stays clear', async () => {
    await removeAndTime();
    await expect.poll(() => highlightTexts(page), { timeout: 10_000 }).toEqual([]);
    await options.getByRole('button', { name: /^Undo/u }).waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(rowsOfLarge, { timeout: PURGE_TIMEOUT_MS, interval: 1_000 }).toEqual({ entities: 0, articles: 0 });
    const records = await options.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('backstory');
          open.addEventListener('error', () => reject(open.error));
          open.addEventListener('success', () => {
            const count = open.result.transaction('meta', 'readonly').objectStore('meta').count(IDBKeyRange.bound('removedPack/', 'removedPack/\uffff'));
            count.addEventListener('success', () => {
              open.result.close();
              resolve(count.result);
            });
          });
        }),
    );
    expect(records).toBe(0);
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await highlightTexts(page)).toEqual([]);
  }, PURGE_TIMEOUT_MS + 40_000);

  it('says so when Undo comes after the same pack was added again, and keeps the new one', async () => {
    const small = 'River Delta water summit, 2025';
    await options.locator('input[type=file]').setInputFiles(SMALL_PACK);
    await options.getByRole('status').filter({ hasText: `Imported ${small}` }).waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: `Remove ${small}` }).click();
    await options.getByRole('button', { name: /^Undo/u }).waitFor();
    await options.locator('input[type=file]').setInputFiles(SMALL_PACK);
    await options.getByRole('status').filter({ hasText: `Imported ${small}` }).waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: /^Undo/u }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 5_000 }).toContain(`${small} was added again since; nothing to undo.`);
    expect(await packItems().filter({ hasText: small }).count()).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/options-undo-after-reimport.png`, fullPage: true });
  });
});
