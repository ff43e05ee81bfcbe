import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkBackup, createBackup, restoreBackup, runRestore } from '../../../lib/kb/backup';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { saveUserArticle } from '../../../lib/kb/my-articles';
import { dailyCheckKey, setDailyCheck } from '../../../lib/kb/pack-updates';
import { setRefreshDays, wikidataRefreshKey } from '../../../lib/kb/wikidata-packs';
import { feedIdOf, followFeed, getFeed, setFeedFullArticles, setFeedRetention } from '../../../lib/feeds/feed-store';
import { exportAll, freshDatabase, makePack, mentionOf } from './test-db';

type Db = ReturnType<typeof freshDatabase>;

/** Everything but the revision counter and matcher snapshot, which every write bumps. */
async function content(db: Db) {
  const all = await exportAll(db);
  return { ...all, meta: all.meta?.filter((m) => !/^(revision|matcherSnapshot)/u.test((m as { key: string }).key)) };
}

async function library(): Promise<Db> {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'url', url: 'https://example.org/p.json' }, now: 10 });
  await installPack(db, makePack({ id: 'second', version: '2.0.0' }), { source: { kind: 'file', fileName: 'x.json' }, now: 20 });
  await setPackEnabled(db, 'second', false);
  // The user's own pack: its article links to an entity of another pack.
  await saveUserArticle(db, { article: { headline: 'My note on Ada Lovelace', articleBody: 'Ada Lovelace again.' }, newEntities: [{ name: 'Engine', type: 'Thing' }], now: 30 });
  await db.entityEdits.put({ key: 'test-pack/ada', alternateName: ['Countess of Lovelace'], description: 'Edited.', hidden: true, updatedAt: 40 });
  return db;
}

describe('backup and restore', () => {
  it('round-trips the whole library and the settings through a JSON file', async () => {
    const db = await library();
    expect(await mentionOf(db, 'test-pack/ada', 'my-articles/my-note-on-ada-lovelace')).toBeDefined();
    const before = await content(db);
    const file = JSON.stringify(await createBackup(db, { settings: { hoverDelayMs: 500 }, now: 50 }));

    const target = freshDatabase();
    await installPack(target, makePack({ id: 'to-be-replaced' }), { source: { kind: 'file' } });
    const check = checkBackup(JSON.parse(file));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.backup.settings).toEqual({ hoverDelayMs: 500 });
    await restoreBackup(target, check.backup);
    expect(await content(target)).toEqual(before);
  });

  it("keeps the user's choices for each pack: a feed's retention and full articles, a daily check turned off, a Wikidata refresh interval", async () => {
    const db = await library();
    const feedUrl = 'https://news.example/feed.xml';
    const feedId = feedIdOf(feedUrl);
    await installPack(db, makePack({ id: feedId }), { source: { kind: 'feed', url: feedUrl } });
    await followFeed(db, { url: feedUrl });
    await setFeedRetention(db, feedId, { retentionDays: 30, maxItems: 200 });
    await setFeedFullArticles(db, feedId, true);
    await installPack(db, makePack({ id: 'wd' }), { source: { kind: 'wikidata' } });
    await setRefreshDays(db, 'wd', 7);
    await setDailyCheck(db, 'test-pack', false);
    const file = JSON.stringify(await createBackup(db, { settings: {} }));

    const target = freshDatabase();
    // Choices of the library being replaced do not outlive it.
    await installPack(target, makePack({ id: 'second' }), { source: { kind: 'file' } });
    await setDailyCheck(target, 'second', false);
    const check = checkBackup(JSON.parse(file));
    if (!check.ok) throw new Error(check.summary);
    await restoreBackup(target, check.backup);
    expect(await getFeed(target, feedId)).toMatchObject({ url: feedUrl, retentionDays: 30, maxItems: 200, fullArticles: true });
    expect(await target.meta.get(wikidataRefreshKey('wd'))).toMatchObject({ value: 7 });
    expect(await target.meta.get(dailyCheckKey('test-pack'))).toMatchObject({ value: false });
    expect(await target.meta.get(dailyCheckKey('second'))).toBeUndefined();

    // Held to what the options page lets a user choose.
    const tampered = JSON.parse(file);
    const feedEntry = tampered.packs.find((p: { pack: { pack: { id: string } } }) => p.pack.pack.id === feedId);
    feedEntry.state.choices.feed.retentionDays = -5;
    feedEntry.state.choices.feed.extra = 'x';
    const refused = checkBackup(tampered);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/state\.choices\.feed\.retentionDays: must be at least 1$/u), expect.stringMatching(/state\.choices\.feed\.extra: unknown field/u)]),
    );
  });

  it('refuses a damaged backup with JSON paths and leaves the library untouched', async () => {
    const db = await library();
    const backup = JSON.parse(JSON.stringify(await createBackup(db, { settings: {} })));
    backup.packs[1].pack.articles[0].datePublished = 'yesterday';
    backup.entityEdits[0].hidden = 'yes';
    const check = checkBackup(backup);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((i) => i.path)).toEqual(['entityEdits[0].hidden', 'packs[1].pack.articles[0].datePublished']);
    expect(checkBackup({ format: 'article-pack' })).toMatchObject({ ok: false, summary: 'This file is not a Backstory backup.' });
  });

  it('leaves the library as it was when the restore fails midway', async () => {
    const db = await library();
    const before = await exportAll(db);
    const check = checkBackup(JSON.parse(JSON.stringify(await createBackup(db, { settings: {} }))));
    if (!check.ok) throw new Error('backup should be valid');
    // An edit without a valid key fails its write, after the old rows were cleared and the packs written.
    const broken = { ...check.backup, entityEdits: [...check.backup.entityEdits, { key: null as unknown as string, updatedAt: 1 }] };
    await expect(restoreBackup(db, broken)).rejects.toThrow();
    expect(await exportAll(db)).toEqual(before);
  });

  it('runs a whole restore from file bytes (gzip too), and refuses what is not a backup with the library unchanged', async () => {
    const db = await library();
    const before = await content(db);
    const bytes = new TextEncoder().encode(JSON.stringify(await createBackup(db, { settings: { paused: true } })));
    const target = freshDatabase();
    expect(await runRestore(target, gzipSync(bytes), 'b.json.gz')).toMatchObject({ ok: true, packs: 3, entityEdits: 1, settings: { paused: true } });
    expect(await content(target)).toEqual(before);

    const untouched = await exportAll(target);
    expect(await runRestore(target, new TextEncoder().encode('{"format":"article-pack"'), 'x.json')).toMatchObject({ ok: false, summary: expect.stringMatching(/^This file is not a Backstory backup, or it was cut short: x\.json is not complete JSON\./u) });
    // A random binary file gets a backup's sentence, not a pack import's "save it as UTF-8".
    const binary = await runRestore(target, Uint8Array.from([0xc3, 0x28, 0xff, 0x00, 0x9f]), 'photo.jpg');
    expect(binary).toMatchObject({ ok: false, summary: 'This file is not a Backstory backup: photo.jpg is not text. Choose a file saved with “Download backup”. Your library is unchanged.' });
    expect(await runRestore(target, new TextEncoder().encode('{"format":"article-pack"}'), 'x.json')).toMatchObject({ ok: false, summary: 'This file is not a Backstory backup. Your library is unchanged.' });
    expect(await exportAll(target)).toEqual(untouched);
  });
});
