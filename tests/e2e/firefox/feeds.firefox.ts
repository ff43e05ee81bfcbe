import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedItemFixture, type FeedServer } from '../support/feed-server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser';

const SCREENSHOTS = 'artifacts/screenshots';
const TALKS: FeedItemFixture = { id: 'water-talks', title: 'Water talks end in Dushanbe', body: 'Talks on the river ended on Friday.', date: 'Sat, 05 Dec 2026 09:00:00 GMT' };
const FILLER = 'Officials from the valley towns met the delegations in the old congress hall, where the talks went on late into the evening and into the next day.';
const GUTERRES_KEY = 'starter-sco-2024/antonio-guterres';

/** The text of an extension page, once `wanted` is in it. */
async function waitForText(page: Page, wanted: string | RegExp, timeout = 30_000): Promise<string> {
  const source = typeof wanted === 'string' ? wanted : wanted.source;
  await page.waitForFunction((w: string, isRegExp: boolean) => (isRegExp ? new RegExp(w, 'u').test(document.body.innerText) : document.body.innerText.includes(w)), { timeout, polling: 250 }, source, typeof wanted !== 'string');
  return page.evaluate(() => document.body.innerText);
}

/**
 * Firefox ESR: follow a feed from the options page, let Backstory read its summary-only
 * item's page in full (Firefox's background page parses it itself, with DOMParser), and
 * find the article on the card of a name only the full text has.
 */
describe('Firefox ESR: a followed feed', () => {
  let firefox: FirefoxWithExtension;
  let site: FeedServer;
  let options: Page;

  beforeAll(async () => {
    site = await startFeedServer('tests/e2e/fixtures/feeds');
    site.publish([TALKS]);
    site.publishPage(
      TALKS.id,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TALKS.title}</title><script>fetch('/beacon?script')</script></head><body><article><h1>${TALKS.title}</h1><p>${FILLER}</p><p>António Guterres sent a message that was read out at the close of the talks.</p><p>${FILLER}</p></article></body></html>`,
    );
    firefox = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  it('is followed from the options page, fetched at once, and its full article read when allowed', async () => {
    options = await firefox.openExtensionPage('options.html#/feeds');
    await options.waitForSelector('input[type=url]');
    await options.type('input[type=url]', site.url('feed.xml'));
    await options.click('form.url-form button[type=submit]');
    await waitForText(options, /1 new article\. 1 article kept\./u);
    expect(site.pageRequests).toEqual([]);

    await options.click('.feed-list__check input[type=checkbox]');
    await options.waitForFunction(() => (document.querySelector('.feed-list__check input') as HTMLInputElement | null)?.checked === true);
    await new Promise<void>((done) => {
      const check = setInterval(() => site.pageRequests.length > 0 && (clearInterval(check), done()), 100);
    });
    await options.screenshot({ path: `${SCREENSHOTS}/firefox-options-feed-full-articles.png`, fullPage: true });
  });

  it('shows the article on the entity’s page and under the hovered name', async () => {
    // The full text names António Guterres, the summary does not: the library lists the article under him.
    const entity = await firefox.openExtensionPage(`options.html#/entities/${encodeURIComponent(GUTERRES_KEY)}`);
    await waitForText(entity, TALKS.title);
    await entity.close();
    expect(site.pageRequests.map((r) => r.path)).toEqual([`/news/${TALKS.id}`]);

    const page = await firefox.browser.newPage();
    await page.goto(site.url('digest.html'));
    await page.waitForFunction(() => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-mention')?.size ?? 0) > 0, { timeout: 20_000 });
    const name = await page.evaluate(() => {
      const node = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('António Guterres'))!.firstChild as Text;
      const range = new Range();
      range.setStart(node, 0);
      range.setEnd(node, 'António Guterres'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom };
    });
    await page.mouse.move(name.x, name.y);
    // The card's text is in a closed shadow root BiDi cannot enter: it is seen by hit-testing, and in the screenshot.
    const below = { x: name.x, y: name.bottom + 40 };
    await page.waitForFunction((p: { x: number; y: number }) => document.elementFromPoint(p.x, p.y)?.tagName === 'BACKSTORY-POPOVER', { timeout: 10_000 }, below);
    await new Promise((done) => setTimeout(done, 300));
    await page.screenshot({ path: `${SCREENSHOTS}/firefox-feed-article-in-card.png` });
    await page.close();
    // Nothing of the fetched page ran.
    expect(site.pageRequests.some((r) => r.path === '/beacon')).toBe(false);
  });
});
