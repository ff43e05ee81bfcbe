import { describe, expect, it, vi } from 'vitest';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import { rowsOfPack } from '../../../lib/kb/keys';
import { articleKeys } from '../../../lib/kb/library-queries';
import { articlesToDrop } from '../../../lib/feeds/feed-pack';
import { nextFetchAt, dueFeeds, FEED_PERIOD_MS } from '../../../lib/feeds/feed-schedule';
import { followFeed, getFeed, listFeeds, normalizeFeedUrl } from '../../../lib/feeds/feed-store';
import { refreshDueFeeds, refreshFeed } from '../../../lib/feeds/refresh-feeds';
import { undoUnfollow, unfollowWithUndo } from '../../../lib/feeds/unfollow-with-undo';
import { readOpml, writeOpml } from '../../../lib/feeds/opml';
import { nameList } from '../../../lib/text/name-list';
import { freshDatabase, makePack } from '../kb/test-db';

const FEED_URL = 'http://127.0.0.1:8080/feed.xml';
const NOW = Date.parse('2026-12-05T12:00:00Z');

function rss(items: Array<{ id: string; title: string; body: string; date?: string }>): string {
  const xml = items
    .map((i) => `<item><title>${i.title}</title><link>/a/${i.id}</link><guid>${i.id}</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.body}</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Times</title><link>http://127.0.0.1:8080/</link>${xml}</channel></rss>`;
}

/** A feed server in a function: answers `body` with an ETag, 304 when asked with it. */
function server(initial: string) {
  let body = initial;
  let status = 200;
  const asked: Array<Record<string, string>> = [];
  const fetch = async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    asked.push(headers);
    const etag = `"${body.length}"`;
    if (status !== 200) return new Response('no', { status });
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
    return new Response(body, { status: 200, headers: { etag, 'content-type': 'application/rss+xml' } });
  };
  return { fetch, asked, publish: (b: string) => (body = b), fail: (s: number) => (status = s) };
}

async function seeded() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'builtin' } });
  return db;
}

describe('following a feed', () => {
  it('fetches it into a pack of its own, linked to known names; a changed feed adds only new items; unchanged costs a 304', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL, title: 'From the page' }, NOW);
    const srv = server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured in London.', date: 'Sat, 05 Dec 2026 08:00:00 GMT' }]));
    const first = await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });
    expect(first).toMatchObject({ title: 'Test Times', lastOutcome: 'new', lastNewItems: 1, failures: 0, nextFetchAt: NOW + FEED_PERIOD_MS });
    const pack = await db.packs.get(feed.id);
    expect(pack).toMatchObject({ name: 'Test Times', source: { kind: 'feed', url: FEED_URL }, enabled: true, articleCount: 1 });
    const [article] = await rowsOfPack(db.articles, feed.id).toArray();
    expect(article).toMatchObject({ headline: 'Ada Lovelace honoured', url: 'http://127.0.0.1:8080/a/1', publisher: 'Test Times' });
    const [card] = await getEntityCards(db, ['test-pack/ada']);
    expect(card!.articles.map((a) => a.headline)).toContain('Ada Lovelace honoured');

    const second = await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW + 1 });
    expect(srv.asked.at(-1)!['If-None-Match']).toBe(first!.etag);
    expect(second).toMatchObject({ lastOutcome: 'unchanged', lastNewItems: 0 });

    srv.publish(rss([
      { id: '2', title: 'Babbage engine', body: 'Charles Babbage built it.', date: 'Sat, 05 Dec 2026 10:00:00 GMT' },
      { id: '1', title: 'Ada Lovelace honoured (edited)', body: 'Edited.' },
    ]));
    const third = await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW + 2 });
    expect(third).toMatchObject({ lastOutcome: 'new', lastNewItems: 1 });
    const headlines = (await rowsOfPack(db.articles, feed.id).toArray()).map((a) => a.headline).sort();
    expect(headlines).toEqual(['Ada Lovelace honoured', 'Babbage engine']);
    expect((await db.packs.get(feed.id))!.articleCount).toBe(2);
  });

  it('counts the items retention did not keep, so a feed of old items does not just look empty', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const srv = server(rss([
      { id: 'old', title: 'The summit of 2024', body: 'Ada Lovelace in London.', date: 'Fri, 05 Jul 2024 08:00:00 GMT' },
      { id: 'new', title: 'This morning', body: 'Ada Lovelace again.', date: 'Sat, 05 Dec 2026 08:00:00 GMT' },
    ]));
    expect(await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW })).toMatchObject({ lastNewItems: 1, lastNotKeptItems: 1 });
    expect((await rowsOfPack(db.articles, feed.id).toArray()).map((a) => a.headline)).toEqual(['This morning']);
  });

  it('notes an error in plain words and backs off; a success resets it', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const srv = server('<html><body>not a feed</body></html>');
    const bad = await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });
    expect(bad).toMatchObject({ lastOutcome: 'failed', error: 'This address does not give a feed Backstory can read (RSS, Atom or JSON Feed).', failures: 1 });
    expect(bad!.nextFetchAt).toBe(NOW + 2 * FEED_PERIOD_MS);
    srv.fail(404);
    const gone = await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });
    expect(gone).toMatchObject({ error: '127.0.0.1:8080 answered 404: no such page.', failures: 2, nextFetchAt: NOW + 4 * FEED_PERIOD_MS });
    const down = await refreshFeed(db, feed.id, { fetch: () => Promise.reject(new TypeError('Failed to fetch')), now: () => NOW });
    expect(down!.error).toBe('Could not reach 127.0.0.1:8080.');
    srv.fail(500);
    expect((await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW }))!.error).toBe('127.0.0.1:8080: the site had an error (500).');
    srv.fail(200);
    srv.publish(rss([{ id: '1', title: 'Back', body: 'Back again.' }]));
    expect(await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW })).toMatchObject({ failures: 0, error: undefined, lastOutcome: 'new' });
  });

  it('refuses an answer over the size cap without reading it all', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1_000_000).fill(0x20));
      },
    });
    const result = await refreshFeed(db, feed.id, { fetch: async () => new Response(endless, { status: 200 }), now: () => NOW });
    expect(result!.error).toMatch(/larger than 10 MB/u);
    expect(pulled).toBeLessThan(15);
  });

  it('fetches only due feeds, only those followed; unfollowing removes the pack', async () => {
    const db = await seeded();
    const a = await followFeed(db, { url: FEED_URL }, NOW);
    await followFeed(db, { url: 'https://b.example/feed' }, NOW);
    const asked: string[] = [];
    const srv = server(rss([{ id: '1', title: 'One', body: 'One.' }]));
    const fetch = (url: string, init: RequestInit) => (asked.push(url), srv.fetch(url, init));
    expect(await refreshDueFeeds(db, { fetch, now: () => NOW })).toBe(2);
    expect(await refreshDueFeeds(db, { fetch, now: () => NOW + 1000 })).toBe(0);
    expect(asked.sort()).toEqual(['http://127.0.0.1:8080/feed.xml', 'https://b.example/feed']);
    // Written in one transaction: one announcement for the round (one re-index, one rescan).
    expect((await db.packs.toArray()).filter((p) => p.source.kind === 'feed').map((p) => p.articleCount)).toEqual([1, 1]);
    await unfollowWithUndo(db, a.id);
    expect(await getFeed(db, a.id)).toBeUndefined();
    expect(await db.packs.get(a.id)).toBeUndefined();
    expect((await listFeeds(db)).map((f) => f.url)).toEqual(['https://b.example/feed']);
  });
});

describe('one feed, however its address is written', () => {
  it('follows http://h/feed.xml, HTTP://h/feed.xml#x and http://h/feed.xml? once', async () => {
    const db = await seeded();
    const a = await followFeed(db, { url: 'http://h.example/feed.xml' }, NOW);
    const b = await followFeed(db, { url: 'HTTP://H.example/feed.xml#x' }, NOW);
    const c = await followFeed(db, { url: 'http://h.example/feed.xml?' }, NOW);
    expect([b.id, c.id]).toEqual([a.id, a.id]);
    expect((await listFeeds(db)).map((f) => f.url)).toEqual(['http://h.example/feed.xml']);
    expect(normalizeFeedUrl('http://h.example/feed.xml?a=1#top')).toBe('http://h.example/feed.xml?a=1');
    const opml = `<?xml version="1.0"?><opml version="1.0"><head/><body><outline text="A" xmlUrl="http://h.example/feed.xml#x"/><outline text="B" xmlUrl="HTTP://h.example/feed.xml?"/></body></opml>`;
    expect(readOpml(opml)?.feeds).toEqual([{ url: 'http://h.example/feed.xml', title: 'A' }]);
  });
});

describe('a round of fetches', () => {
  it('fetches up to 4 feeds at once, so one that hangs does not hold up the others', async () => {
    const db = await seeded();
    const urls = ['http://a.example/hang', ...Array.from({ length: 6 }, (_, i) => `http://b${i}.example/feed`)];
    for (const url of urls) await followFeed(db, { url }, NOW);
    const srv = server(rss([{ id: '1', title: 'One', body: 'One.' }]));
    let release!: () => void;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    const fetch = async (url: string, init: RequestInit) => {
      asked.push(url);
      most = Math.max(most, ++inFlight);
      try {
        await (url.includes('hang') ? hanging : new Promise((r) => setTimeout(r, 5)));
        return await srv.fetch(url, init);
      } finally {
        inFlight--;
      }
    };
    const round = refreshDueFeeds(db, { fetch, now: () => NOW });
    await vi.waitFor(() => expect(asked).toHaveLength(7), { timeout: 2000 });
    release();
    expect(await round).toBe(7);
    expect(most).toBe(4);
    expect((await listFeeds(db)).every((f) => f.lastOutcome === 'new')).toBe(true);
  });
});

describe('retention and schedule', () => {
  it('drops articles older than the window, then the oldest beyond the count', () => {
    const now = Date.parse('2026-12-05T00:00:00Z');
    const rows = [
      { key: 'new', sortDate: '2026-12-04' },
      { key: 'old', sortDate: '2026-08-01T00:00:00Z' },
      { key: 'mid', sortDate: '2026-11-01' },
      { key: 'undated', sortDate: '' },
    ];
    expect(articlesToDrop(rows, { now, retentionDays: 90, maxItems: 1000 })).toEqual(['old']);
    expect(articlesToDrop(rows, { now, retentionDays: 90, maxItems: 2 }).sort()).toEqual(['old', 'undated']);
  });

  it('backs off by doubling up to a day', () => {
    expect(nextFetchAt(0, 0)).toBe(FEED_PERIOD_MS);
    expect(nextFetchAt(0, 1)).toBe(2 * FEED_PERIOD_MS);
    expect(nextFetchAt(0, 9)).toBe(24 * 60 * 60 * 1000);
    expect(dueFeeds([{ nextFetchAt: 5 }, { nextFetchAt: 1 }, { nextFetchAt: 50 }], 10)).toEqual([{ nextFetchAt: 1 }, { nextFetchAt: 5 }]);
  });
});

describe('OPML', () => {
  it('round-trips the followed list, and reads nested folders, skipping what is not http', () => {
    const text = writeOpml([{ url: 'https://a.example/feed', title: 'A & B' }, { url: 'http://127.0.0.1:1/x.xml' }]);
    expect(readOpml(text)?.feeds).toEqual([{ url: 'https://a.example/feed', title: 'A & B' }, { url: 'http://127.0.0.1:1/x.xml', title: 'http://127.0.0.1:1/x.xml' }]);
    const nested = `<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body><outline text="News"><outline text="C" type="rss" xmlUrl="https://c.example/rss"/><outline text="bad" xmlUrl="javascript:alert(1)"/></outline><outline text="C again" xmlUrl="https://c.example/rss"/></body></opml>`;
    expect(readOpml(nested)).toEqual({ feeds: [{ url: 'https://c.example/rss', title: 'C' }], skipped: ['bad'], leftOut: 0 });
    expect(readOpml('not xml at all')).toBeUndefined();
  });

  it('takes at most 500 feeds from one file and counts the others it left out (each address once)', () => {
    const outlines = Array.from({ length: 520 }, (_, i) => `<outline text="F${i}" xmlUrl="https://f.example/${i}.xml"/>`).join('');
    const read = readOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${outlines}<outline text="again" xmlUrl="https://f.example/519.xml"/></body></opml>`);
    expect(read?.feeds.length).toBe(500);
    expect(read?.leftOut).toBe(20);
  });

  it('names the outlines it skips because their feed address is no web address', () => {
    const bad = Array.from({ length: 8 }, (_, i) => `<outline text="Bad ${i}" xmlUrl="${i % 2 ? 'javascript:alert(1)' : 'not a url'}"/>`).join('');
    const read = readOpml(`<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Ok" xmlUrl="https://ok.example/rss"/>${bad}<outline xmlUrl="ftp://x/y"/></body></opml>`);
    expect(read?.feeds).toEqual([{ url: 'https://ok.example/rss', title: 'Ok' }]);
    expect(read?.skipped).toEqual([...Array.from({ length: 8 }, (_, i) => `Bad ${i}`), 'ftp://x/y']);
    expect(nameList(read!.skipped)).toBe('Bad 0, Bad 1, Bad 2, Bad 3, Bad 4 and 4 more');
    expect(nameList(['A', 'B'])).toBe('A, B');
  });
});

describe('a backup of a library that follows feeds', () => {
  it('restores the feed packs with the mentions Backstory found, and follows the feeds again', async () => {
    const { createBackup, checkBackup, restoreBackup } = await import('../../../lib/kb/backup');
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const srv = server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured in London.', date: 'Sat, 05 Dec 2026 08:00:00 GMT' }]));
    await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });
    const backup = JSON.parse(JSON.stringify(await createBackup(db, { settings: {} })));

    const check = checkBackup(backup);
    expect(check.ok).toBe(true);
    const other = freshDatabase();
    await restoreBackup(other, (check as Extract<typeof check, { ok: true }>).backup);
    expect(await listFeeds(other)).toEqual([expect.objectContaining({ id: feed.id, url: FEED_URL, title: 'Test Times', failures: 0 })]);
    const [card] = await getEntityCards(other, ['test-pack/ada']);
    expect(card!.articles.map((a) => a.headline)).toContain('Ada Lovelace honoured');
  });
});

describe('removing a feed’s pack from the pack list', () => {
  it('stops following the feed (its next round does not bring the pack back), and Undo follows it again', async () => {
    const { removePackWithUndo, undoRemovePack } = await import('../../../lib/kb/pack-undo');
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const srv = server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured in London.' }]));
    await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });
    const removed = await removePackWithUndo(db, feed.id);
    expect(await listFeeds(db)).toEqual([]);
    await refreshDueFeeds(db, { fetch: srv.fetch, now: () => NOW + 10 * FEED_PERIOD_MS });
    expect(await db.packs.get(feed.id)).toBeUndefined();
    await undoRemovePack(db, removed!);
    expect(await getFeed(db, feed.id)).toMatchObject({ url: FEED_URL });
    expect(await db.packs.get(feed.id)).toMatchObject({ source: { kind: 'feed', url: FEED_URL } });
  });
});

describe('a library that only follows feeds', () => {
  it('holds something of the user’s own, so automatic backups start', async () => {
    const { countLibrary } = await import('../../../lib/kb/library-marker');
    const db = await seeded();
    expect((await countLibrary(db)).ownItems).toBe(0);
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    await refreshFeed(db, feed.id, { fetch: server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured.' }])).fetch, now: () => NOW });
    expect((await countLibrary(db)).ownItems).toBe(1);
  });
});

describe('Unfollow with Undo', () => {
  it('removes the feed and its pack in one click, and Undo follows it again with its articles; a feed never fetched too', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const waiting = await followFeed(db, { url: 'https://b.example/feed' }, NOW);
    const srv = server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured in London.' }]));
    await refreshFeed(db, feed.id, { fetch: srv.fetch, now: () => NOW });

    const gone = await unfollowWithUndo(db, feed.id);
    const goneToo = await unfollowWithUndo(db, waiting.id);
    expect(await listFeeds(db)).toEqual([]);
    expect(await db.packs.get(feed.id)).toBeUndefined();
    expect((await articleKeys(db)).filter((key) => key.startsWith(`${feed.id}/`))).toEqual([]);

    await undoUnfollow(db, gone!);
    await undoUnfollow(db, goneToo!);
    expect((await listFeeds(db)).map((f) => f.title ?? f.url)).toEqual(['https://b.example/feed', 'Test Times']);
    expect(await db.packs.get(feed.id)).toMatchObject({ articleCount: 1, source: { kind: 'feed', url: FEED_URL } });
    expect(await unfollowWithUndo(db, 'feed-none')).toBeUndefined();
  });

  it('followed again before the old rows are deleted: the old items count as new, the old rows never show', async () => {
    const db = await seeded();
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    await refreshFeed(db, feed.id, { fetch: server(rss([{ id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured.' }])).fetch, now: () => NOW });
    await unfollowWithUndo(db, feed.id);
    await followFeed(db, { url: FEED_URL }, NOW + 1);
    // The same item again (it is new to the feed followed again), and one more.
    const items = [
      { id: '1', title: 'Ada Lovelace honoured', body: 'Ada Lovelace was honoured.' },
      { id: '2', title: 'London fog', body: 'Fog covered London.' },
    ];
    const result = await refreshFeed(db, feed.id, { fetch: server(rss(items)).fetch, now: () => NOW + 2 });
    expect(result).toMatchObject({ lastNewItems: 2 });
    expect((await rowsOfPack(db.articles, feed.id).toArray()).map((a) => a.headline).sort()).toEqual(['Ada Lovelace honoured', 'London fog']);
    expect(await db.packs.get(feed.id)).toMatchObject({ articleCount: 2 });
  });
});
