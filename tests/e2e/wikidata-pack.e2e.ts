/**
 * A names pack made from Wikidata (lib/wikidata, from a SPARQL answer in the real format)
 * imports through the options page like any pack; its names light up, the aliases the
 * ambiguity rules dropped ("May") do not, and the card shows the description.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/pack';
import { buildWikidataPack, itemsFromSparql } from '../../lib/wikidata';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { pointOfText } from './support/extension-browser';
import { paintedTexts, until } from './support/page-tools';

const POLL = { timeout: 15_000 };

describe('a names pack from Wikidata', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikidata-e2e-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports through the options page', async () => {
    const results = JSON.parse(await readFile('tests/fixtures/wikidata/heads-of-state.srj.json', 'utf8'));
    const { pack } = buildWikidataPack(itemsFromSparql(results, 'en'), {
      languages: ['en'],
      meta: { id: 'wikidata-leaders', name: 'Leaders from Wikidata', version: '1.0.0' },
      source: { readyQuery: 'heads-of-state-and-government', languages: ['en'] },
    });
    expect(validatePack(pack).ok).toBe(true);
    const file = join(dir, 'wikidata-leaders.pack.json');
    await writeFile(file, JSON.stringify(pack));

    const options = await session.browser.openExtensionPage('options.html');
    await options.getByRole('list', { name: 'Installed packs' }).waitFor();
    await options.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => options.getByRole('status').innerText(), POLL).toContain('Imported Leaders from Wikidata');
    await options.screenshot({ path: `${SCREENSHOTS}/wikidata-pack-imported.png` });
    await options.close();
  });

  it('lights up the names and safe aliases, not the month "May"', async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('wikidata.html'));
    const painted = await until(() => paintedTexts(page), (t) => t.includes('Mrs May') && t.includes('Theresa May'));
    expect(painted).toContain('Russia');
    // "May" was an alias of Theresa May on Wikidata; the ambiguity rules dropped it.
    expect(painted).not.toContain('May');
  });

  it('shows the Wikidata description on the card', async () => {
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Theresa May');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Prime Minister of the United Kingdom from 2016 to 2019'));
    await page.screenshot({ path: `${SCREENSHOTS}/wikidata-card.png` });
  });
});
