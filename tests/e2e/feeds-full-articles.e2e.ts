import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { pointOfText, waitForHighlights } from './support/extension-browser';
import { startFeedServer, type FeedItemFixture, type FeedServer } from './support/feed-server';

const POLL = { timeout: 30_000, interval: 250 };
/** The per-site spacing of the background's article requests (entrypoints/background/full-articles.ts), less the timers' slack. */
const SPACING_MS = 5_000 - 100;

const TALKS: FeedItemFixture = { id: 'water-talks', title: 'Water talks end in Dushanbe', body: 'Talks on the river ended on Friday.', date: 'Sat, 05 Dec 2026 09:00:00 GMT' };
const DAM: FeedItemFixture = { id: 'dam', title: 'The dam opens a new turbine', body: 'A new turbine turns at the dam.', date: 'Sat, 05 Dec 2026 08:00:00 GMT' };
const GONE: FeedItemFixture = { id: 'gone', title: 'A page that is gone', body: 'Its page answers 404.', date: 'Sat, 05 Dec 2026 07:00:00 GMT' };

/** An article page as a news site writes it: navigation, the article, and the page's own scripts and resources. */
function articlePage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Pamir Morning Post</title>${extra}</head>
<body><nav><a href="/">Home</a> · <a href="/world">World</a></nav>
<article><h1>${title}</h1><p class="byline">By Staff</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>© Pamir Morning Post</footer></body></html>`;
}

const FILLER = 'Officials from the valley towns met the delegations in the old congress hall, where the talks went on late into the evening and into the next day.';

/**
 * Full articles for a feed that carries only summaries: off by default (nothing but the
 * feed is asked); turned on, the background reads each article page of the feed's site,
 * one request every 5 seconds at most, in a parsed document where nothing of the page
 * runs, and the card of a name only the full text has shows the article.
 */
describe('full articles of a summary-only feed', () => {
  let site: FeedServer;
  let options: Page;
  const session = useE2eSession();
  const feedItem = () => options.getByRole('list', { name: 'Followed feeds' }).getByRole('listitem').filter({ hasText: 'Pamir Morning Post' });

  async function guterresCard(): Promise<{ text: string; page: Page }> {
    const page = await session.browser.context.newPage();
    await page.goto(site.url('digest.html'));
    await waitForHighlights(page);
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'António Guterres');
    await page.mouse.move(x, y);
    const text = await popover.waitForText((t) => t.includes('António Guterres'));
    return { text, page };
  }

  beforeAll(async () => {
    site = await startFeedServer('tests/e2e/fixtures/feeds');
    site.publish([TALKS, DAM, GONE]);
    site.publishPage(TALKS.id, articlePage(TALKS.title, [FILLER, 'António Guterres sent a message that was read out at the close of the talks.', FILLER]));
    // Everything here would ask the server for /beacon if the page ran or loaded anything.
    site.publishPage(
      DAM.id,
      articlePage(DAM.title, [FILLER, `<img src="/beacon?img" alt=""> The turbine was built over two winters. ${FILLER}`, '<iframe src="/beacon?iframe"></iframe>'], `<script>fetch('/beacon?script')</script><link rel="stylesheet" href="/beacon?css"><script src="/beacon?src"></script>`),
    );
    options = await session.browser.openExtensionPage('options.html#/feeds');
  });

  afterAll(async () => {
    await site?.close();
  });

  it('is off by default: no article page is asked, and a name only the full text has shows nothing from the feed', async () => {
    await options.getByLabel('Feed address').fill(site.url('feed.xml'));
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect.poll(() => feedItem().innerText(), POLL).toMatch(/3 new articles\. 3 articles kept\./u);
    const checkbox = feedItem().getByRole('checkbox', { name: 'Get the full article from the site when the feed gives only a summary' });
    expect(await checkbox.isChecked()).toBe(false);
    const { text, page } = await guterresCard();
    expect(text).not.toContain(TALKS.title);
    await page.close();
    expect(site.pageRequests).toEqual([]);
  });

  it('turned on, reads the article pages one every 5 seconds, and the card shows the article', async () => {
    const checkbox = feedItem().getByRole('checkbox', { name: 'Get the full article from the site when the feed gives only a summary' });
    await checkbox.check();
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-full-articles.png`, fullPage: true });
    await expect.poll(() => site.pageRequests.filter((r) => r.path.startsWith('/news/')).length, POLL).toBe(3);
    const starts = site.pageRequests.map((r) => r.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(SPACING_MS);

    await expect
      .poll(async () => {
        const { text, page } = await guterresCard();
        await page.close();
        return text;
      }, POLL)
      .toContain(TALKS.title);
    const { page } = await guterresCard();
    await page.screenshot({ path: `${SCREENSHOTS}/feed-full-article-in-card.png` });
    await page.close();
  });

  it('ran and loaded nothing of the fetched pages, and a page that failed left its summary without alarm', async () => {
    expect(site.pageRequests.map((r) => r.path).sort()).toEqual(['/news/dam', '/news/gone', '/news/water-talks']);
    // The feed's state speaks of the feed only: an article page that is gone is no error of the feed.
    expect(await feedItem().innerText()).not.toMatch(/error|failed|could not/iu);
    expect(await feedItem().locator('.feed-list__error').count()).toBe(0);
  });
});
