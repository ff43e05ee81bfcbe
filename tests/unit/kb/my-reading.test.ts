import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../lib/extract';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { exportPack } from '../../../lib/kb/export-pack';
import { installPack } from '../../../lib/kb/install-pack';
import { byDay, forgetAllReadings, forgetReadings, MY_READING_PACK_ID, readingHistory, readingUrl, rememberArticle } from '../../../lib/kb/my-reading';
import { RESERVED_PACK_IDS } from '../../../lib/kb/pack-sources';
import { compileMatcher } from '../../../lib/matcher';
import { freshDatabase, makePack } from './test-db';

const ARTICLE: ExtractedArticle = {
  headline: 'Ada Lovelace remembered in London',
  author: ['Jane Roe'],
  publisher: 'Example News',
  url: 'https://news.example.com/ada',
  datePublished: '2026-12-01',
  text: 'A plaque for Ada Lovelace was unveiled in London on a grey morning, with speeches.',
  readerable: true,
};
const TAB = 'https://news.example.com/ada?utm=x#top';
const day = (d: number, h: number) => Date.UTC(2026, 11, d, h);

async function seeded() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'builtin' } });
  return db;
}

describe('rememberArticle', () => {
  it('saves to "My reading", linked to the names the library knows, with the time of reading', async () => {
    const db = await seeded();
    const result = await rememberArticle(db, { article: ARTICLE, tabUrl: TAB, now: Date.UTC(2026, 11, 6, 9) });
    expect(result).toMatchObject({ status: 'saved', articleKey: 'my-reading/ada-lovelace-remembered-in-london' });
    expect(await db.packs.get(MY_READING_PACK_ID)).toMatchObject({ name: 'My reading', articleCount: 1, source: { kind: 'user' } });
    const [card] = await getEntityCards(db, ['test-pack/ada']);
    expect(card!.articles.map((a) => a.headline)).toContain(ARTICLE.headline);
    const [entry] = await readingHistory(db);
    expect(entry).toMatchObject({ headline: ARTICLE.headline, url: 'https://news.example.com/ada', readAt: Date.UTC(2026, 11, 6, 9) });
  });

  it('updates, never duplicates, when the same address is read again', async () => {
    const db = await seeded();
    await rememberArticle(db, { article: ARTICLE, tabUrl: TAB, now: 1000 });
    const again = await rememberArticle(db, { article: { ...ARTICLE, headline: 'Ada Lovelace remembered (updated)' }, tabUrl: TAB, now: 5000 });
    expect(again.status).toBe('updated');
    const history = await readingHistory(db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ headline: 'Ada Lovelace remembered (updated)', readAt: 5000 });
    expect((await db.packs.get(MY_READING_PACK_ID))?.articleCount).toBe(1);
  });

  it('keeps the time of reading through an export', async () => {
    const db = await seeded();
    await rememberArticle(db, { article: ARTICLE, tabUrl: TAB, now: 1000 });
    const pack = await exportPack(db, MY_READING_PACK_ID);
    expect(pack?.articles[0]).toMatchObject({ dateRead: new Date(1000).toISOString() });
  });

  it('is a reserved pack id no file may take', () => {
    expect(RESERVED_PACK_IDS.has(MY_READING_PACK_ID)).toBe(true);
  });
});

describe('readingUrl', () => {
  it('takes the canonical address on the tab\'s own site, else the tab\'s address without fragment', () => {
    expect(readingUrl('https://www.example.com/a', 'https://example.com/a?x=1')).toBe('https://www.example.com/a');
    expect(readingUrl('https://victim.org/story', 'https://example.com/a#p2')).toBe('https://example.com/a');
    expect(readingUrl(undefined, 'https://example.com/a#p2')).toBe('https://example.com/a');
    expect(readingUrl('javascript:alert(1)', 'https://example.com/a')).toBe('https://example.com/a');
  });
});

describe('reading history', () => {
  it('lists newest first, searches, forgets one, a day, all', async () => {
    const db = await seeded();
    await rememberArticle(db, { article: ARTICLE, tabUrl: 'https://a.example/1', now: day(5, 9) });
    await rememberArticle(db, { article: { ...ARTICLE, headline: 'Second story', url: undefined }, tabUrl: 'https://b.example/2', now: day(6, 8) });
    await rememberArticle(db, { article: { ...ARTICLE, headline: 'Third story', url: undefined }, tabUrl: 'https://c.example/3', now: day(6, 10) });
    const all = await readingHistory(db);
    expect(all.map((e) => e.headline)).toEqual(['Third story', 'Second story', ARTICLE.headline]);
    expect((await readingHistory(db, 'SECOND')).map((e) => e.headline)).toEqual(['Second story']);
    expect((await readingHistory(db, 'c.example')).map((e) => e.headline)).toEqual(['Third story']);

    const days = byDay(all, (ms) => new Date(ms).toISOString().slice(0, 10));
    expect(days.map((d) => [d.day, d.entries.length])).toEqual([['2026-12-06', 2], ['2026-12-05', 1]]);

    expect(await forgetReadings(db, [all[2]!.key, 'test-pack/new'])).toBe(1);
    expect(await db.articles.get('test-pack/new')).toBeDefined();
    expect(await forgetReadings(db, days[0]!.entries.map((e) => e.key))).toBe(2);
    expect(await readingHistory(db)).toEqual([]);
    expect((await db.packs.get(MY_READING_PACK_ID))?.articleCount).toBe(0);

    await rememberArticle(db, { article: ARTICLE, tabUrl: TAB, now: 1 });
    expect(await forgetAllReadings(db)).toBe(1);
    expect(await readingHistory(db)).toEqual([]);
    expect((await db.articles.count())).toBe(3);
  });
});

describe('rememberArticle with the background\'s matcher', () => {
  it('finds the mentions with the matcher it is given instead of compiling one', async () => {
    const db = await seeded();
    const onlyLondon = compileMatcher([{ text: 'London', entityKey: 'test-pack/london' }]);
    const result = await rememberArticle(db, { article: ARTICLE, tabUrl: TAB, now: 1, matcher: onlyLondon });
    expect(result.status !== 'invalid' && result.mentionedKeys).toEqual(['test-pack/london']);
  });
});
