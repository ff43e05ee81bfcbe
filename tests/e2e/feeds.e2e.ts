import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { pointOfText, waitForHighlights } from './support/extension-browser';
import { startFeedServer, type FeedItemFixture, type FeedServer } from './support/feed-server';
import { NetworkRecorder } from './support/network-recorder';
import { PopupPage } from './support/popup-page';

/** Fetches and database writes are slow on a loaded machine: wait for what the user would see. */
const POLL = { timeout: 20_000 };

const RAHMON: FeedItemFixture = {
  id: 'river-park',
  title: 'Rahmon opens the river park in Dushanbe',
  body: 'Emomali Rahmon opened the new river park in Dushanbe on Saturday morning.',
  date: 'Sat, 05 Dec 2026 07:00:00 GMT',
};
const MARKET: FeedItemFixture = { id: 'market', title: 'Green market reopens', body: 'The green market reopened after repairs.', date: 'Fri, 04 Dec 2026 07:00:00 GMT' };
const BRIDGE: FeedItemFixture = { id: 'bridge', title: 'A new bridge over the Varzob', body: 'Engineers finished the bridge over the Varzob.', date: 'Sat, 05 Dec 2026 09:00:00 GMT' };

describe('follow a site: its articles arrive by themselves', () => {
  let site: FeedServer;
  let options: Page;
  let network: NetworkRecorder;
  const session = useE2eSession();

  const feedItem = (name: string) => options.getByRole('list', { name: 'Followed feeds' }).getByRole('listitem').filter({ hasText: name });

  beforeAll(async () => {
    site = await startFeedServer('tests/e2e/fixtures/feeds');
    site.publish([RAHMON, MARKET]);
    network = new NetworkRecorder(session.browser.context);
    options = await session.browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('offers "Follow this site" in the popup on a page with a feed link, and fetches the feed at once', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(site.url('site.html'));
    await waitForHighlights(page);
    const popup = await PopupPage.open(session.browser, { about: page });
    const follow = popup.page.getByRole('button', { name: 'Follow this site' });
    await follow.waitFor(POLL);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-follow-site.png` });
    await follow.click();
    await popup.page.getByText('Following Pamir Morning Post').waitFor(POLL);
    await expect.poll(() => popup.page.getByRole('status').innerText(), POLL).toBe('Its articles are being fetched now, then every two hours.');
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-followed-site.png` });
    await popup.page.close();

    // Opened again on the site: "Following …" with Unfollow; Unfollow is undone within its seconds.
    const again = await PopupPage.open(session.browser, { about: page });
    await again.page.getByText('Following Pamir Morning Post').waitFor(POLL);
    await again.page.screenshot({ path: `${SCREENSHOTS}/popup-following-site.png` });
    await again.page.getByRole('button', { name: 'Unfollow Pamir Morning Post' }).click();
    await expect.poll(() => again.page.getByRole('status').filter({ hasText: 'Unfollowed' }).innerText(), POLL).toMatch(/Unfollowed Pamir Morning Post\.\s*Undo \(\d+ s\)/u);
    expect(await again.page.getByRole('button', { name: 'Follow this site' }).count()).toBe(1);
    await again.page.screenshot({ path: `${SCREENSHOTS}/popup-unfollowed-undo.png` });
    await again.page.getByRole('button', { name: /^Undo/u }).click();
    await again.page.getByText('Following Pamir Morning Post').waitFor(POLL);
    await again.page.close();
    await page.close();

    await expect.poll(() => site.feedRequests.length, POLL).toBeGreaterThan(0);
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/feeds`);
    await expect.poll(() => feedItem('Pamir Morning Post').innerText(), POLL).toMatch(/Fetched .*: 2 new articles\. 2 articles kept\./u);
  });

  it('shows the new article when a name it mentions is hovered on another site', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(site.url('reader.html'));
    await waitForHighlights(page);
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Emomali Rahmon');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes(RAHMON.title));
    await page.screenshot({ path: `${SCREENSHOTS}/feed-article-in-card.png` });
    await page.close();
  });

  it('adds only the new items when the feed changes, and asks conditionally', async () => {
    site.publish([BRIDGE, { ...RAHMON, title: 'Rahmon opens the river park (updated)' }, MARKET]);
    await options.getByRole('button', { name: 'Fetch Pamir Morning Post now' }).click();
    await expect.poll(() => feedItem('Pamir Morning Post').innerText(), POLL).toMatch(/1 new article\. 3 articles kept\./u);
    expect(site.feedRequests.at(-1)!.ifNoneMatch).toBe('"v1"');

    await options.getByRole('button', { name: 'Fetch Pamir Morning Post now' }).click();
    await expect.poll(() => feedItem('Pamir Morning Post').innerText(), POLL).toMatch(/nothing new\. 3 articles kept\./u);
    expect(site.feedRequests.at(-1)!.ifNoneMatch).toBe('"v2"');

    const packs = `chrome-extension://${session.browser.extensionId}/options.html#/`;
    await options.goto(packs);
    const pack = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: 'Pamir Morning Post' });
    await expect.poll(() => pack.innerText(), POLL).toMatch(/0 entities · 3 articles · from a feed you follow/u);
  });

  it('refuses, before following, an address that answers an error or is a page without a feed', async () => {
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html#/feeds`);
    const host = new URL(site.origin).host;
    const refused = async (path: string, sentence: string) => {
      await options.getByLabel('Feed address').fill(site.url(path));
      await options.getByRole('button', { name: 'Follow', exact: true }).click();
      await expect.poll(() => options.getByRole('alert').innerText(), POLL).toBe(sentence);
      // Kept in the field, to correct; nothing followed.
      expect(await options.getByLabel('Feed address').inputValue()).toBe(site.url(path));
      expect(await feedItem(path).count()).toBe(0);
    };
    await refused('no-such-feed.xml', `${host} answered 404: no such page. Check the address.`);
    await refused('error.xml', `${host}: the site had an error (500). Check the address.`);
    await refused('broken.xml', `${host} sent a web page that names no feed (RSS, Atom or JSON Feed). Look on the site for a link to its feed, and follow that address.`);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-refused.png`, fullPage: true });
  });

  it('shows the error of a feed that breaks after it was followed in plain words, and tries again later', async () => {
    await options.getByLabel('Feed address').fill(site.url('later-broken.xml'));
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    const broken = feedItem('later-broken.xml');
    await expect.poll(() => broken.innerText(), POLL).toContain('This address does not give a feed Backstory can read (RSS, Atom or JSON Feed). Backstory tries again');
    // The first fetch is over: the note no longer says it is on its way.
    const name = `${new URL(site.origin).host}/later-broken.xml`;
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Following' }).innerText(), POLL).toBe(`Following ${name}.`);
    // Untitled, it is called by host and path, in its heading and its buttons' names.
    expect(await broken.getByRole('heading').innerText()).toBe(name);
    expect(await broken.getByRole('button', { name: `Fetch ${name} now` }).count()).toBe(1);
    // The same address written otherwise is the same feed, and the page says so.
    await options.getByLabel('Feed address').fill(`${site.url('later-broken.xml')}#again`);
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'follow' }).innerText(), POLL).toBe(`You already follow ${name}.`);
    // Said, and done with: the field is empty for the next address, as after a follow.
    expect(await options.getByLabel('Feed address').inputValue()).toBe('');
    expect(await feedItem('later-broken.xml').count()).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-error.png`, fullPage: true });
    // Retention out of range: refused beside the field with the range, nothing saved.
    await broken.getByLabel(`Most articles to keep of ${name}`).fill('2');
    await broken.getByLabel(`Most articles to keep of ${name}`).press('Tab');
    await broken.getByText('2 was not saved: enter a whole number from 10 to 10,000.').waitFor(POLL);
    await broken.screenshot({ path: `${SCREENSHOTS}/options-feeds-retention-refused.png` });
  });

  it('exports the followed list as OPML and imports it back', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export the list (OPML)' }).click()]);
    const opml = await readFile((await download.path())!, 'utf8');
    expect(opml).toContain(`xmlUrl="${site.url('feed.xml')}"`);
    expect(opml).toContain(`xmlUrl="${site.url('later-broken.xml')}"`);

    // One click unfollows, articles and all; Undo brings the feed back as it was.
    await options.getByRole('button', { name: 'Unfollow Pamir Morning Post' }).click();
    await expect.poll(() => feedItem('Pamir Morning Post').count(), POLL).toBe(0);
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Unfollowed' }).innerText(), POLL).toMatch(/Unfollowed Pamir Morning Post\.\s*Undo \(\d+ s\)/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-unfollow-undo.png`, fullPage: true });
    await options.getByRole('button', { name: /^Undo/u }).click();
    await expect.poll(() => feedItem('Pamir Morning Post').innerText(), POLL).toContain('3 articles kept.');

    // One at a time: a second click before the list redraws would land on the feed just unfollowed.
    await options.getByRole('button', { name: /^Unfollow / }).first().click();
    await expect.poll(() => options.getByRole('button', { name: /^Unfollow / }).count(), POLL).toBe(1);
    await options.getByRole('button', { name: /^Unfollow / }).first().click();
    await expect.poll(() => options.getByText('You follow no feeds yet').count(), POLL).toBe(1);

    // An outline that is no web address is skipped, and said so by name.
    const withBad = opml.replace('</body>', '<outline text="Evil outline" xmlUrl="javascript:alert(1)"/></body>');
    await options.locator('input[type=file]').setInputFiles({ name: 'backstory-feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(withBad) });
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'opml' }).innerText(), POLL)
      .toBe('backstory-feeds.opml: 2 feeds added, 0 feeds already followed. Their articles are being fetched in the background. 1 skipped (not a web address): Evil outline.');
    await expect.poll(() => feedItem('Pamir Morning Post').innerText(), POLL).toMatch(/Fetched .*: 3 new articles/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-imported.png`, fullPage: true });
  });

  it('follows the first feed a web page advertises, and names the others', async () => {
    await options.getByLabel('Feed address').fill(site.url('two-feeds.html'));
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'web page' }).innerText(), POLL)
      .toBe(`${site.url('two-feeds.html')} is a web page; it names the feed ${site.url('feed.xml')}. You already follow Pamir Morning Post. The page names 1 other feed too: Comments (${site.url('comments.atom')}).`);
    expect(await options.getByLabel('Feed address').inputValue()).toBe('');
    expect(await feedItem('Pamir Morning Post').count()).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-discovered.png`, fullPage: true });
  });

  it('imports a long OPML list with one progress line, then one summary, and fetches in the background', async () => {
    const outlines = Array.from({ length: 140 }, (_, i) => `<outline text="F${i}" xmlUrl="${site.url(`many/${i}.xml`)}"/>`).join('');
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Many</title></head><body>${outlines}<outline text="Pamir" xmlUrl="${site.url('feed.xml')}"/></body></opml>`;
    // Every text the note shows during the import, as the user would see it go by.
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenNotes: string[] }).seenNotes = seen;
      new MutationObserver(() => {
        for (const note of document.querySelectorAll('#feeds-title ~ p[role=status], section p[role=status].muted')) if (seen.at(-1) !== note.textContent) seen.push(note.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const started = Date.now();
    await options.locator('input[type=file]').setInputFiles({ name: 'many.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    const summary = 'many.opml: 140 feeds added, 1 feed already followed. Their articles are being fetched in the background.';
    await options.getByRole('status').filter({ hasText: 'many.opml' }).getByText(summary).waitFor(POLL);
    // Followed in seconds, not fetched first: the fetches go on after the summary.
    expect(Date.now() - started).toBeLessThan(10_000);
    const seen = await options.evaluate(() => (window as unknown as { seenNotes: string[] }).seenNotes);
    expect(seen.every((text) => /^Following \d+ of 141 feeds…$/u.test(text) || text === summary), seen.join(' | ')).toBe(true);
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds-opml-summary.png` });
    await expect.poll(() => options.getByRole('list', { name: 'Followed feeds' }).getByRole('listitem').count(), POLL).toBe(142);
  });

  it('in the popup, spaces the Follow buttons of a page with several feeds and shows five, the others under a disclosure', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(site.url('many-feeds.html'));
    const popup = await PopupPage.open(session.browser, { about: page });
    const region = popup.page.getByRole('region', { name: 'Follow this site' });
    await region.getByRole('button', { name: 'Follow this site: World' }).waitFor(POLL);
    expect(await region.getByRole('button', { name: /^Follow this site: / }).evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).length)).toBe(5);
    const [first, second] = await region.getByRole('button', { name: /^Follow this site: / }).evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
    expect(second!.top - first!.bottom).toBe(8);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-follow-several-feeds.png`, fullPage: true });
    const more = region.getByText('2 more feeds on this page');
    await more.focus();
    await popup.page.keyboard.press('Enter');
    await region.getByRole('button', { name: 'Follow this site: Weather' }).waitFor({ state: 'visible', ...POLL });
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-follow-several-feeds-open.png`, fullPage: true });
    // A feed link that answers 404 is refused, in plain words, and not followed.
    await region.getByRole('button', { name: 'Follow this site: World' }).click();
    await expect.poll(() => region.getByRole('alert').innerText(), POLL).toBe(`${new URL(site.origin).host} answered 404: no such page. Check the address.`);
    expect(await region.getByRole('button', { name: 'Follow this site: World' }).count()).toBe(1);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-follow-refused.png`, fullPage: true });
    await popup.page.close();
    await page.close();
  });

  it('asked no address but the followed site and the extension', () => {
    expect(network.foreign([site.origin, `chrome-extension://${session.browser.extensionId}`])).toEqual([]);
  });
});
