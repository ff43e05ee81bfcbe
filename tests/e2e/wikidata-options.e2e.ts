/**
 * Names from Wikidata in the options page, against a local stand-in of the Query
 * Service answering in its real format: a new user sees the choices first, previews a
 * ready query, adds it, sees the names on a page with a card that has dates and links;
 * then the service answers differently and "Check for updates" finds the change.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { pointOfText } from './support/extension-browser';
import { paintedTexts, until } from './support/page-tools';
import { PopupPage } from './support/popup-page';
import { startSparqlServer, type SparqlServer } from './support/sparql-server';

const POLL = { timeout: 20_000 };
const FIXTURES = 'tests/e2e/fixtures/wikidata';
const PACK_NAME = 'Heads of state and government in office (Wikidata)';

/**
 * Points the extension at the stand-in: the test-only address lives in the extension's
 * own database (lib/kb/wikidata-packs.ts), which only extension pages can write.
 */
function useStandIn(options: Page, endpoint: string): Promise<void> {
  return options.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.addEventListener('error', () => reject(open.error));
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'wikidataEndpoint', value });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.addEventListener('error', () => reject(tx.error));
        };
      }),
    endpoint,
  );
}

describe('names from Wikidata in the options page', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let service: SparqlServer;
  let options: Page;
  let page: Page;

  beforeAll(async () => {
    service = await startSparqlServer();
    await service.answerWith(`${FIXTURES}/leaders-first.srj.json`);
  });

  afterAll(() => service?.close());

  it('greets a new user with the ready choices, and asks Wikidata nothing until told', async () => {
    options = await session.browser.openExtensionPage('options.html');
    const section = options.getByRole('region', { name: 'Start with names from Wikidata' });
    await section.waitFor(POLL);
    await useStandIn(options, service.endpoint);
    expect(await section.getByRole('radio').count()).toBe(6);
    await expect.poll(() => section.innerText()).toContain('About 350 names.');
    expect(service.requests).toHaveLength(0);
    await options.setViewportSize({ width: 1000, height: 1100 });
    await options.screenshot({ path: `${SCREENSHOTS}/wikidata-section.png` });
  });

  it('the popup points a new user there too, with a way to dismiss it', async () => {
    const popup = await PopupPage.open(session.browser);
    const notice = popup.page.getByRole('complementary', { name: 'Getting started' });
    await notice.waitFor(POLL);
    expect(await notice.getByRole('button', { name: 'Add names from Wikidata' }).isVisible()).toBe(true);
    expect(await notice.getByRole('button', { name: "Dismiss: don't show this again" }).isVisible()).toBe(true);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/wikidata-popup-notice.png` });
    await popup.page.close();
  });

  it('says so clearly when the service stays busy (429 after the retries)', async () => {
    service.failWith(429);
    await options.getByRole('radio', { name: /Heads of state and government in office/u }).check();
    await options.getByRole('button', { name: 'Preview names' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 60_000 }).toContain('Wikidata is busy');
    expect(service.requests.length).toBe(4);
    service.failWith(undefined);
  }, 90_000);

  it('previews what the query found: count, sample cards, what was left out and why', async () => {
    await options.getByRole('button', { name: 'Preview names' }).click();
    const preview = options.getByRole('region', { name: `${PACK_NAME}: 4 names found` });
    await preview.waitFor(POLL);
    expect(service.requests.at(-1)?.userAgent).toMatch(/^Backstory\//u);
    expect(service.requests.at(-1)?.query).toContain('P35');
    const sample = await preview.getByRole('list', { name: 'Sample of the names' }).innerText();
    expect(sample).toContain('Theresa May');
    expect(sample).toContain('born 1956');
    await preview.locator('summary').click();
    expect(await preview.getByRole('list', { name: 'Other names left out, by reason' }).innerText()).toMatch(/Ordinary words.*: 1 \(May \(Q264766\)\)/u);
    await options.screenshot({ path: `${SCREENSHOTS}/wikidata-preview.png`, fullPage: true });
  });

  it('adds it to the library as a pack from Wikidata', async () => {
    await options.getByRole('button', { name: 'Add to library' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain(`Imported ${PACK_NAME}`);
    const item = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: PACK_NAME });
    expect(await item.innerText()).toMatch(/Version 1\.0\.0 · 4 entities · 0 articles · from Wikidata/u);
    // Monthly, as chosen in the preview; the reader can change it here.
    expect(await item.getByRole('combobox', { name: `Refresh ${PACK_NAME} from Wikidata` }).inputValue()).toBe('30');
    await item.screenshot({ path: `${SCREENSHOTS}/wikidata-pack-item.png` });
  });

  it('lights up the names on a page; the card has the dates, the description and links to Wikidata and Wikipedia', async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('wikidata-leaders.html'));
    const painted = await until(() => paintedTexts(page), (t) => t.includes('Theresa May') && t.includes('Vladimir Putin'), 20_000);
    expect(painted).toContain('Russia');
    expect(painted).not.toContain('Jacinda Ardern');
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Theresa May');
    await page.mouse.move(x, y);
    const text = await popover.waitForText((t) => t.includes('born 1956'));
    expect(text).toContain('Prime Minister of the United Kingdom from 2016 to 2019');
    expect(text).toMatch(/Wikidata\s*Wikipedia\s*Picture/u);
    await page.screenshot({ path: `${SCREENSHOTS}/wikidata-card-dates.png` });
  });

  it('"Check for updates" runs the query again and finds the changed answer', async () => {
    const asked = service.requests.length;
    const packsStatus = () => options.getByRole('region', { name: 'Packs', exact: true }).getByRole('status').first().innerText();
    const check = options.getByRole('button', { name: `Check for updates of ${PACK_NAME}` });
    await check.click();
    await expect.poll(packsStatus, POLL).toContain(`${PACK_NAME} is up to date`);
    expect(service.requests.length).toBe(asked + 1);

    await service.answerWith(`${FIXTURES}/leaders-changed.srj.json`);
    await check.click();
    await expect.poll(packsStatus, POLL).toContain(`Updated ${PACK_NAME} to version 1.0.1`);
    const item = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: PACK_NAME });
    await expect.poll(() => item.innerText(), POLL).toMatch(/Version 1\.0\.1 · 5 entities/u);
    await until(() => paintedTexts(page), (t) => t.includes('Jacinda Ardern'), 20_000);
  });

  it('no longer greets: the section sits below the packs', async () => {
    await options.reload();
    await options.getByRole('region', { name: 'Add names from Wikidata' }).waitFor(POLL);
    expect(await options.getByRole('region', { name: 'Start with names from Wikidata' }).count()).toBe(0);
    await options.screenshot({ path: `${SCREENSHOTS}/wikidata-after-welcome.png`, fullPage: true });
    const popup = await PopupPage.open(session.browser);
    await popup.search.waitFor(POLL);
    await popup.page.waitForTimeout(500);
    expect(await popup.page.getByRole('complementary', { name: 'Getting started' }).count()).toBe(0);
    await popup.page.close();
  });
});
