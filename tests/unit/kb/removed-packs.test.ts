import { describe, expect, it } from 'vitest';
import { getRevision } from '../../../lib/db/revision';
import { createBackup, restoreBackup } from '../../../lib/kb/backup';
import { enabledPatterns } from '../../../lib/kb/enabled-patterns';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import { rowsOfPack } from '../../../lib/kb/keys';
import { entityKeys } from '../../../lib/kb/library-queries';
import { saveUserArticle, MY_ARTICLES_PACK_ID } from '../../../lib/kb/my-articles';
import { packToRows } from '../../../lib/kb/pack-to-rows';
import { removePackWithUndo, undoRemovePack } from '../../../lib/kb/pack-undo';
import { purgeRemovedPack, purgeRemovedPacks, removedPackRecord, REMOVED_PACK_KEPT_MS } from '../../../lib/kb/removed-packs';
import { stagePack } from '../../../lib/kb/staged-pack';
import { freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;
const NOW = 1_000_000;

async function libraryWithTwoPacks() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source, now: 1 });
  await installPack(db, makePack({ id: 'other', entities: [{ id: 'grace', name: 'Grace Hopper', type: 'Person' }], articles: [] }), { source, now: 1 });
  return db;
}

const rowCounts = async (db: ReturnType<typeof freshDatabase>, packId: string) => ({
  entities: await rowsOfPack(db.entities, packId).count(),
  articles: await rowsOfPack(db.articles, packId).count(),
});

/** A pack of the same id with other content: a re-install must show only this. */
const secondEdition = () => makePack({ entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person' }], articles: [] });

describe('removing a pack: hidden at once, rows deleted later', () => {
  it('removes the pack row in one write (one revision) and leaves its rows unseen', async () => {
    const db = await libraryWithTwoPacks();
    const revision = await getRevision(db);
    const removed = await removePackWithUndo(db, 'test-pack', NOW);
    expect(removed).toMatchObject({ pack: { id: 'test-pack', name: 'Test pack' }, removedAt: NOW });
    expect(await getRevision(db)).toBe(revision + 1);
    expect(await db.packs.get('test-pack')).toBeUndefined();
    // Still stored, seen by no reader.
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 3, articles: 3 });
    expect(await entityKeys(db)).toEqual(['other/grace']);
    expect((await enabledPatterns(db)).map((p) => p.entityKey)).not.toContain('test-pack/ada');
    expect(await getEntityCards(db, ['test-pack/ada'])).toEqual([]);
    expect(await removedPackRecord(db, 'test-pack')).toMatchObject({ pack: { id: 'test-pack' }, removedAt: NOW });
  });

  it('Undo puts the pack row back in one write: its rows are seen again, the record is gone', async () => {
    const db = await libraryWithTwoPacks();
    const removed = (await removePackWithUndo(db, 'test-pack', NOW))!;
    const revision = await getRevision(db);
    expect(await undoRemovePack(db, removed)).toBe('restored');
    expect(await getRevision(db)).toBe(revision + 1);
    expect(await entityKeys(db)).toContain('test-pack/ada');
    expect(await getEntityCards(db, ['test-pack/ada'])).toHaveLength(1);
    expect(await removedPackRecord(db, 'test-pack')).toBeUndefined();
  });

  it('Undo after the same pack was installed again says so and keeps the new one', async () => {
    const db = await libraryWithTwoPacks();
    const removed = (await removePackWithUndo(db, 'test-pack', NOW))!;
    await installPack(db, secondEdition(), { source, now: 2 });
    const revision = await getRevision(db);
    expect(await undoRemovePack(db, removed)).toBe('added-again');
    expect(await getRevision(db)).toBe(revision);
    expect((await entityKeys(db)).filter((key) => key.startsWith('test-pack/'))).toEqual(['test-pack/babbage']);
  });

  it('Undo of an older removal after a re-install and a second removal is refused', async () => {
    const db = await libraryWithTwoPacks();
    const first = (await removePackWithUndo(db, 'test-pack', NOW))!;
    await installPack(db, secondEdition(), { source, now: 2 });
    await removePackWithUndo(db, 'test-pack', NOW + 1);
    expect(await undoRemovePack(db, first)).toBe('added-again');
    expect(await db.packs.get('test-pack')).toBeUndefined();
  });

  it('purge deletes the rows chunk by chunk, then the record; Undo after it is refused', async () => {
    const db = await libraryWithTwoPacks();
    const removed = (await removePackWithUndo(db, 'test-pack', NOW))!;
    const revision = await getRevision(db);
    expect(await purgeRemovedPack(db, 'test-pack', { chunkRows: 1 })).toBe(true);
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 0, articles: 0 });
    expect(await rowCounts(db, 'other')).toEqual({ entities: 1, articles: 0 });
    expect(await removedPackRecord(db, 'test-pack')).toBeUndefined();
    // Nothing a reader sees changed: no revision.
    expect(await getRevision(db)).toBe(revision);
    expect(await undoRemovePack(db, removed)).toBe('gone');
    expect(await purgeRemovedPack(db, 'test-pack')).toBe(false);
  });

  it('a purge cut off midway refuses Undo (rows missing) and is finished at the next start', async () => {
    const db = await libraryWithTwoPacks();
    const removed = (await removePackWithUndo(db, 'test-pack', NOW))!;
    // As if the page closed after the record was marked and one chunk deleted.
    const record = (await removedPackRecord(db, 'test-pack'))!;
    await db.meta.put({ key: 'removedPack/test-pack', value: { ...record, purging: true } });
    await db.entities.delete('test-pack/ada');
    expect(await undoRemovePack(db, removed)).toBe('gone');
    expect(await db.packs.get('test-pack')).toBeUndefined();
    // Marked as purging: deleted at the next start, however recent.
    expect(await purgeRemovedPacks(db, NOW - REMOVED_PACK_KEPT_MS)).toBe(1);
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 0, articles: 0 });
  });

  it('at start, deletes the rows of removals older than the undo window, and leaves recent ones to their Undo', async () => {
    const db = await libraryWithTwoPacks();
    await removePackWithUndo(db, 'test-pack', NOW);
    const recent = (await removePackWithUndo(db, 'other', NOW + REMOVED_PACK_KEPT_MS))!;
    expect(await purgeRemovedPacks(db, NOW + REMOVED_PACK_KEPT_MS - 1)).toBe(1);
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 0, articles: 0 });
    expect(await rowCounts(db, 'other')).toEqual({ entities: 1, articles: 0 });
    expect(await undoRemovePack(db, recent)).toBe('restored');
    expect(await entityKeys(db)).toEqual(['other/grace']);
  });
});

describe('a pack of a removed id written again never shows the old rows', () => {
  it('installed in one transaction (writePackRows)', async () => {
    const db = await libraryWithTwoPacks();
    await removePackWithUndo(db, 'test-pack', NOW);
    await installPack(db, secondEdition(), { source, now: 2 });
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 1, articles: 0 });
    expect(await removedPackRecord(db, 'test-pack')).toBeUndefined();
  });

  it('staged (a large import): the old rows are deleted before the new ones are written', async () => {
    const db = await libraryWithTwoPacks();
    await removePackWithUndo(db, 'test-pack', NOW);
    let cleared = false;
    const staged = await stagePack(db, packToRows(secondEdition(), { source, now: 2 }), { chunkRows: 1, onClearing: () => (cleared = true) });
    await staged.switchLive();
    expect(cleared).toBe(true);
    expect(await rowCounts(db, 'test-pack')).toEqual({ entities: 1, articles: 0 });
    expect(await entityKeys(db)).toContain('test-pack/babbage');
    expect(await removedPackRecord(db, 'test-pack')).toBeUndefined();
  });

  it('the user’s own pack, created again by saving an article', async () => {
    const db = freshDatabase();
    await saveUserArticle(db, { article: { headline: 'First visit', articleBody: 'Someone came.' }, now: 1 });
    await removePackWithUndo(db, MY_ARTICLES_PACK_ID, NOW);
    await saveUserArticle(db, { article: { headline: 'Second visit', articleBody: 'Someone came back.' }, now: 2 });
    const articles = await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).toArray();
    expect(articles.map((a) => a.headline)).toEqual(['Second visit']);
    expect(await db.packs.get(MY_ARTICLES_PACK_ID)).toMatchObject({ articleCount: 1 });
  });
});

describe('restoring a backup', () => {
  it('forgets every removal (their rows went with the rest)', async () => {
    const db = await libraryWithTwoPacks();
    await removePackWithUndo(db, 'other', NOW);
    // Taken while the removal is pending: 'other' is not in it, and no writer of 'other' runs during the restore.
    const backup = await createBackup(db, { settings: {} });
    await restoreBackup(db, backup);
    expect(await db.meta.where('key').startsWith('removedPack/').count()).toBe(0);
    expect(await rowCounts(db, 'other')).toEqual({ entities: 0, articles: 0 });
    expect(await entityKeys(db)).toContain('test-pack/ada');
  });
});
