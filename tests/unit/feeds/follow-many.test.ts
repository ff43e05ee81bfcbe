import { describe, expect, it } from 'vitest';
import { followFeed, followFeeds, listFeeds } from '../../../lib/feeds/feed-store';
import { opmlSummary } from '../../../lib/feeds/opml-summary';
import { freshDatabase } from '../kb/test-db';

const NOW = Date.parse('2026-12-05T12:00:00Z');

describe('followFeeds: an OPML file’s feeds in one write', () => {
  it('adds those not followed yet, due at once, and counts the others', async () => {
    const db = freshDatabase();
    await followFeed(db, { url: 'https://a.example/feed' }, NOW);
    const { added, alreadyFollowed } = await followFeeds(db, [
      { url: 'https://a.example/feed#again' },
      { url: 'https://b.example/rss', title: 'B' },
      { url: 'https://b.example/rss' },
    ], NOW);
    expect(added.map((f) => [f.url, f.title, f.nextFetchAt])).toEqual([['https://b.example/rss', 'B', NOW]]);
    expect(alreadyFollowed).toBe(2);
    expect(await listFeeds(db)).toHaveLength(2);
  });
});

describe('listFeeds: by name, ignoring case and accents', () => {
  it('sorts as the list shows the names, untitled ones by host and path', async () => {
    const db = freshDatabase();
    for (const [url, title] of [['https://z.example/1', 'zeta'], ['https://e.example/1', 'Économie'], ['https://a.example/1', 'alpha'], ['https://d.example/1', 'Delta'], ['https://f.example/feed', undefined], ['https://e2.example/1', 'economy']] as const) {
      await followFeed(db, { url, title }, NOW);
    }
    expect((await listFeeds(db)).map((f) => f.title ?? f.url)).toEqual(['alpha', 'Delta', 'Économie', 'economy', 'https://f.example/feed', 'zeta']);
  });
});

describe('opmlSummary: one line at the end of an import', () => {
  const read = { feeds: [], skipped: [], leftOut: 0 };
  it('says what was added and followed already, and that the fetching goes on in the background', () => {
    expect(opmlSummary('feeds.opml', { added: 498, alreadyFollowed: 2, refused: [], notNoted: 0, read })).toBe(
      'feeds.opml: 498 feeds added, 2 feeds already followed. Their articles are being fetched in the background.',
    );
  });

  it('names what was skipped, left out past the cap, refused, or not noted', () => {
    const text = opmlSummary('big.opml', {
      added: 0,
      alreadyFollowed: 1,
      refused: [{ name: 'Odd', message: 'A feed address starts with https:// or http://.' }],
      notNoted: 50,
      read: { feeds: [], skipped: ['Evil outline'], leftOut: 12 },
    });
    expect(text).toBe(
      'big.opml: 0 feeds added, 1 feed already followed. 1 skipped (not a web address): Evil outline. 12 more feeds left out: Backstory takes at most 500 from one file. ' +
        '1 feed refused: Odd (A feed address starts with https:// or http://). 50 feeds could not be followed: Backstory stopped answering. Import the file again to add them.',
    );
  });
});
