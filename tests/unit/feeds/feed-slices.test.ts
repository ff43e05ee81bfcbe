import { describe, expect, it, vi } from 'vitest';
import { getRevision } from '../../../lib/db/revision';
import { installPack } from '../../../lib/kb/install-pack';
import { libraryMatcher } from '../../../lib/kb/my-articles';
import { followFeed } from '../../../lib/feeds/feed-store';
import { parseFeedText } from '../../../lib/feeds/parse-feed';
import { refreshFeed } from '../../../lib/feeds/refresh-feeds';
import { createPause } from '../../../lib/feeds/work-slices';
import { freshDatabase, makePack } from '../kb/test-db';

const FEED_URL = 'http://127.0.0.1:8080/feed.xml';
const NOW = Date.parse('2026-12-05T12:00:00Z');
const rss = (n: number, from = 0) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${Array.from({ length: n }, (_, i) => `<item><guid>${i + from}</guid><title>Item ${i + from}</title><link>/a/${i + from}</link><description>&lt;p&gt;Ada Lovelace, item ${i + from}.&lt;/p&gt;</description></item>`).join('')}</channel></rss>`;

describe('feed work in slices', () => {
  it('parses the same items in slices as at once, pausing between items', async () => {
    const pause = vi.fn();
    const sliced = await parseFeedText(rss(30), FEED_URL, pause);
    expect(sliced).toEqual(await parseFeedText(rss(30), FEED_URL));
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(30);
  });

  it('a pause gives the thread back only once its budget of work has passed', async () => {
    let now = 0;
    const pause = createPause(15, () => now);
    let yielded = false;
    void Promise.resolve().then(() => (yielded = true));
    await pause();
    expect(yielded).toBe(true); // a microtask ran, but no timer was waited for
    now = 20;
    const started = Date.now();
    await pause();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('links new items with the matcher it is given (nothing compiled), and a round with nothing new bumps no revision', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'builtin' } });
    const feed = await followFeed(db, { url: FEED_URL }, NOW);
    const compiled = await libraryMatcher(db, []);
    const matcher = vi.fn(async () => compiled);
    let body = rss(5);
    const fetch = async () => new Response(body, { status: 200 });
    await refreshFeed(db, feed.id, { fetch, now: () => NOW, matcher, pause: () => undefined });
    expect(matcher).toHaveBeenCalledTimes(1);
    const before = await getRevision(db);
    // The same items again, under another tag (no 304): nothing new, nothing written.
    body = `${rss(5)} `;
    const again = await refreshFeed(db, feed.id, { fetch, now: () => NOW + 1, matcher });
    expect(again).toMatchObject({ lastOutcome: 'unchanged', lastNewItems: 0 });
    expect(await getRevision(db)).toBe(before);
    expect(matcher).toHaveBeenCalledTimes(1);
  });
});
