import { describe, expect, it } from 'vitest';
import { articleTextOfHtml } from '../../../lib/extract/article-text';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import { libraryMatcher } from '../../../lib/kb/my-articles';
import { rowsOfPack } from '../../../lib/kb/keys';
import { getRevision } from '../../../lib/db/revision';
import { followFeed, getFeed, setFeedFullArticles } from '../../../lib/feeds/feed-store';
import { mayFetchArticlePage, noteFullTextFailed, pagesWanted, putFullText } from '../../../lib/feeds/full-articles';
import { downloadArticlePage } from '../../../lib/feeds/fetch-feed';
import { createHostQueue } from '../../../lib/feeds/host-queue';
import { parseFeedText } from '../../../lib/feeds/parse-feed';
import { refreshFeed } from '../../../lib/feeds/refresh-feeds';
import { freshDatabase, makePack } from '../kb/test-db';

const FEED_URL = 'http://127.0.0.1:8080/feed.xml';
const NOW = Date.parse('2026-12-05T12:00:00Z');
const LONG = 'Ada Lovelace wrote the notes. '.repeat(30);

function rss(items: string): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Times</title><link>http://127.0.0.1:8080/</link>${items}</channel></rss>`;
}

describe('which items carry only a summary', () => {
  it('no full content, content under 500 characters or no longer than the summary: summary only; a full article: not', async () => {
    const parsed = await parseFeedText(
      rss(
        '<item><guid>a</guid><title>A</title><description>Only a teaser.</description></item>' +
          '<item><guid>b</guid><title>B</title><description>Teaser.</description><content:encoded><![CDATA[<p>Short content.</p>]]></content:encoded></item>' +
          `<item><guid>c</guid><title>C</title><description>Teaser.</description><content:encoded><![CDATA[<p>${LONG}</p>]]></content:encoded></item>`,
      ),
    );
    expect(parsed.ok && parsed.feed.items.map((i) => [i.guid, i.summaryOnly])).toEqual([['a', true], ['b', true], ['c', false]]);
  });
});

describe('which article pages may be fetched', () => {
  const feed = { url: 'https://feeds.example.co.uk/news.xml', siteUrl: 'https://www.example.co.uk/' };
  it('only http(s) pages on the feed’s own site (registrable domain), or on the public site the feed names', async () => {
    expect(mayFetchArticlePage('https://www.example.co.uk/a/1', feed)).toBe(true);
    expect(mayFetchArticlePage('http://example.co.uk/a/1', feed)).toBe(true);
    // co.uk is a public suffix: another site under it is another site.
    expect(mayFetchArticlePage('https://other.co.uk/a/1', feed)).toBe(false);
    expect(mayFetchArticlePage('https://evil.example/a/1', feed)).toBe(false);
    expect(mayFetchArticlePage('ftp://www.example.co.uk/a', feed)).toBe(false);
    expect(mayFetchArticlePage(undefined, feed)).toBe(false);
    // A feed service's feed names its publisher's site: that site may be read.
    expect(mayFetchArticlePage('https://news.publisher.org/x', { url: 'https://feeds.feedservice.com/p', siteUrl: 'https://publisher.org/' })).toBe(true);
    // Two sites on a private suffix (github.io) are two sites.
    expect(mayFetchArticlePage('https://b.github.io/x', { url: 'https://a.github.io/feed.xml' })).toBe(false);
    // A local feed reads its own host only; a feed cannot name the user's network as its site.
    expect(mayFetchArticlePage('http://127.0.0.1:9/news/1', { url: 'http://127.0.0.1:8080/feed.xml' })).toBe(true);
    expect(mayFetchArticlePage('http://192.168.1.1/admin', { url: 'https://example.org/feed.xml', siteUrl: 'http://192.168.1.1/' })).toBe(false);
  });
});

async function summaryFeed() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'builtin' } });
  const feed = await followFeed(db, { url: FEED_URL }, NOW);
  const body = rss(
    '<item><guid>1</guid><title>Engine news</title><link>/a/1</link><pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate><description>A short teaser.</description></item>' +
      '<item><guid>2</guid><title>Elsewhere</title><link>https://elsewhere.example/2</link><description>Teaser.</description></item>',
  );
  await refreshFeed(db, feed.id, { fetch: async () => new Response(body, { status: 200 }), now: () => NOW });
  return { db, feed: (await getFeed(db, feed.id))! };
}

describe('full articles of a summary-only feed', () => {
  it('wants no page while the setting is off; on, the feed’s own pages, not yet tried', async () => {
    const { db, feed } = await summaryFeed();
    expect(feed.fullArticles).toBeUndefined();
    expect(await pagesWanted(db, feed)).toEqual([]);
    const on = (await setFeedFullArticles(db, feed.id, true))!;
    expect(await pagesWanted(db, on)).toEqual([{ articleKey: `${feed.id}/${(await rowsOfPack(db.articles, feed.id).toArray()).find((a) => a.headline === 'Engine news')!.id}`, url: 'http://127.0.0.1:8080/a/1' }]);
  });

  it('puts the full text in place of the summary, keeps the summary as description, and links the names only the full text has', async () => {
    const { db, feed } = await summaryFeed();
    const [wanted] = await pagesWanted(db, (await setFeedFullArticles(db, feed.id, true))!);
    expect((await getEntityCards(db, ['test-pack/royal-society']))[0]!.articles.map((a) => a.headline)).not.toContain('Engine news');
    const before = await getRevision(db);
    const written = await putFullText(db, { articleKey: wanted!.articleKey, text: 'The Royal Society met.\n\nIt discussed the engine.', matcher: await libraryMatcher(db, []) });
    expect(written).toBe(true);
    expect(await getRevision(db)).toBe(before + 1);
    const article = await db.articles.get(wanted!.articleKey);
    expect(article).toMatchObject({ articleBody: 'The Royal Society met.\n\nIt discussed the engine.', description: 'A short teaser.' });
    expect(article!.extra).toBeUndefined();
    const [card] = await getEntityCards(db, ['test-pack/royal-society']);
    expect(card!.articles.find((a) => a.headline === 'Engine news')?.sentence).toBe('The Royal Society met.');
    expect(await pagesWanted(db, (await getFeed(db, feed.id))!)).toEqual([]);
    // A second answer for the same article changes nothing.
    expect(await putFullText(db, { articleKey: wanted!.articleKey, text: 'Other.', matcher: await libraryMatcher(db, []) })).toBe(false);
  });

  it('a page that could not be read keeps the summary, is not asked again, and bumps no revision', async () => {
    const { db, feed } = await summaryFeed();
    const on = (await setFeedFullArticles(db, feed.id, true))!;
    const [wanted] = await pagesWanted(db, on);
    const before = await getRevision(db);
    await noteFullTextFailed(db, wanted!.articleKey);
    expect(await getRevision(db)).toBe(before);
    expect((await db.articles.get(wanted!.articleKey))!.articleBody).toBe('A short teaser.');
    expect(await pagesWanted(db, on)).toEqual([]);
  });

  it('a page whose site was unreachable or briefly failing is asked again an hour later, then six hours later, then never', async () => {
    const { db, feed } = await summaryFeed();
    const on = (await setFeedFullArticles(db, feed.id, true))!;
    const [wanted] = await pagesWanted(db, on, 0);
    const hour = 60 * 60_000;
    await noteFullTextFailed(db, wanted!.articleKey, { retry: true, now: 0 });
    expect(await pagesWanted(db, on, hour - 1)).toEqual([]);
    expect(await pagesWanted(db, on, hour)).toEqual([wanted]);
    await noteFullTextFailed(db, wanted!.articleKey, { retry: true, now: hour });
    expect(await pagesWanted(db, on, 7 * hour - 1)).toEqual([]);
    expect(await pagesWanted(db, on, 7 * hour)).toEqual([wanted]);
    await noteFullTextFailed(db, wanted!.articleKey, { retry: true, now: 7 * hour });
    expect(await pagesWanted(db, on, 1000 * hour)).toEqual([]);
    expect((await db.articles.get(wanted!.articleKey))!.articleBody).toBe('A short teaser.');
  });
});

const answering = (status: number) => ({ fetch: async () => new Response('no', { status }) });

/** Whether a failed download of an article page says another try may work. */
async function tryOf(options: Parameters<typeof downloadArticlePage>[1]): Promise<boolean | 'not failed'> {
  const download = await downloadArticlePage('http://127.0.0.1:8080/a/1', options);
  return download.kind === 'failed' ? download.retry === true : 'not failed';
}

describe('which failures are worth another try', () => {
  it('an unreachable site, a 5xx or a 429 may pass; a missing or refused page will not', async () => {
    expect(await tryOf({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })).toBe(true);
    expect(await tryOf(answering(503))).toBe(true);
    expect(await tryOf(answering(429))).toBe(true);
    expect(await tryOf(answering(404))).toBe(false);
    expect(await tryOf(answering(403))).toBe(false);
  });
});

describe('the per-site queue', () => {
  it('starts requests to one site at least the interval apart, one at a time; other sites do not wait; a key queued twice runs once', async () => {
    let clock = 0;
    const starts: Array<[string, number]> = [];
    const queue = createHostQueue({ intervalMs: 5000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const job = (name: string) => async () => void starts.push([name, clock]);
    expect(queue.add('a.example', 'a1', job('a1'))).toBe(true);
    queue.add('a.example', 'a2', job('a2'));
    expect(queue.add('a.example', 'a2', job('a2 again'))).toBe(false);
    queue.add('b.example', 'b1', job('b1'));
    await queue.idle();
    expect(starts.filter(([n]) => n.startsWith('a'))).toEqual([['a1', 0], ['a2', 5000]]);
    expect(starts.map(([n]) => n)).toContain('b1');
  });
});

describe('reading an article page', () => {
  it('gives the article’s plain text from the HTML; a page without an article gives nothing', async () => {
    const html = `<html><head><title>Engine news</title><script>window.ran = true</script></head><body><nav>Home · World</nav><article><h1>Engine news</h1><p>${LONG}</p><p>The Royal Society met.</p></article></body></html>`;
    const text = articleTextOfHtml(html, 'http://127.0.0.1:8080/a/1', new DOMParser());
    expect(text).toContain('The Royal Society met.');
    expect(text).not.toContain('window.ran');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(articleTextOfHtml('<html><body><p>Sign in</p></body></html>', 'http://127.0.0.1:8080/x', new DOMParser())).toBeUndefined();
  });
});
