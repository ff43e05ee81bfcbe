import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';
import { getRevision } from '../../../lib/db/revision';
import { NewerDatabaseError } from '../../../lib/db/version-guard';
import { createBackup } from '../../../lib/kb/backup';
import { enabledPatterns } from '../../../lib/kb/enabled-patterns';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { exportPack } from '../../../lib/kb/export-pack';
import { findArticlesByUrl } from '../../../lib/kb/find-by-url';
import { runImport, type ImportProgress } from '../../../lib/kb/import-pipeline';
import { installPack } from '../../../lib/kb/install-pack';
import { listenForLibraryChanges, type LibraryChange } from '../../../lib/kb/library-changes';
import { articleKeys, entityKeys } from '../../../lib/kb/library-queries';
import { packToRows } from '../../../lib/kb/pack-to-rows';
import { cleanUpStagedPacks, stagePack, type StagingLocks } from '../../../lib/kb/staged-pack';
import { estimatePackSizes } from '../../../lib/kb/storage-usage';
import { SearchIndexCache, loadStoredIndexCopy } from '../../../lib/search/index-cache';
import { exportAll, freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The staged pack: other entity ids and names than the installed one, an article with a URL. */
function newPack() {
  return makePack({
    id: 'big-pack',
    entities: [
      { id: 'grace', name: 'Grace Hopper', type: 'Person' },
      { id: 'navy', name: 'United States Navy', type: 'Organization' },
    ],
    articles: [{ id: 'cobol', headline: 'Grace Hopper and COBOL', url: 'https://news.example/cobol', articleBody: 'Grace Hopper served in the United States Navy.', about: ['grace'] }],
  });
}

/** A failure on the second chunk, as a full disk would give. */
function failOnSecond(progress: { done: number }): void {
  if (progress.done === 2) throw new Error('disk full');
}

const rowsOf = (pack: ReturnType<typeof makePack>) => packToRows(pack, { source, now: 1 });

/** Locks of an import whose worker died (the browser closed): nothing holds them. */
const deadLocks: StagingLocks = { hold: (_name, body) => body(), isHeld: async () => false };
/** Locks of an import that is still running in another context. */
const liveLocks: StagingLocks = { hold: (_name, body) => body(), isHeld: async () => true };

/** A library with the test pack installed, and the big pack staged (written, not switched). */
async function libraryWithStagedPack(locks?: StagingLocks) {
  const db = freshDatabase();
  await installPack(db, makePack(), { source });
  const revision = await getRevision(db);
  const staged = await stagePack(db, rowsOf(newPack()), { chunkRows: 1, locks });
  return { db, revision, staged };
}

function collectAnnouncements(after: number): { settle(): Promise<LibraryChange[]>; stop(): void } {
  const changes: LibraryChange[] = [];
  const stop = listenForLibraryChanges((change) => {
    if (change.revision > after) changes.push(change);
  });
  return { stop, settle: () => new Promise((resolve) => setTimeout(() => resolve(changes), 50)) };
}

describe('stagePack: rows written in chunks that no reader sees', () => {
  it('writes the rows without a revision, an announcement or a pack row', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const revision = await getRevision(db);
    const heard = collectAnnouncements(revision);
    const progress: number[] = [];
    await stagePack(db, rowsOf(newPack()), { chunkRows: 1, onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([1, 2, 3]);
    expect(await db.entities.get('big-pack/grace')).toBeDefined();
    expect(await db.packs.get('big-pack')).toBeUndefined();
    expect(await getRevision(db)).toBe(revision);
    expect(await heard.settle()).toEqual([]);
    heard.stop();
  });

  it('is not read by readers that go through packs: the matcher, export, backup, the search index count', async () => {
    const { db } = await libraryWithStagedPack();
    const patterns = await enabledPatterns(db);
    expect(patterns.map((p) => p.entityKey)).not.toContain('big-pack/grace');
    expect(await exportPack(db, 'big-pack')).toBeUndefined();
    const backup = await createBackup(db, { settings: {} });
    expect(backup.packs.map((p) => p.pack.pack.id)).toEqual(['test-pack']);
    const search = new SearchIndexCache(db);
    await search.get();
    await search.flush();
    expect(search.report?.added).toEqual(['test-pack']);
    // Three entities and three articles installed: the staged rows do not count against the copy's limit.
    expect(await loadStoredIndexCopy(db, 6)).toBeDefined();
  });

  it('is not listed by readers that go through an index: library lists, the page at a URL', async () => {
    const { db } = await libraryWithStagedPack();
    expect(await entityKeys(db)).toEqual(['test-pack/ada', 'test-pack/london', 'test-pack/royal-society']);
    expect(await entityKeys(db, 'grace')).toEqual([]);
    expect((await articleKeys(db)).every((key) => key.startsWith('test-pack/'))).toBe(true);
    expect(await articleKeys(db, 'cobol')).toEqual([]);
    expect(await findArticlesByUrl(db, 'https://news.example/cobol')).toEqual([]);
  });

  it('is unknown to readers given a key (a card asked for by a page) and to the storage figures', async () => {
    const { db } = await libraryWithStagedPack();
    expect(await getEntityCards(db, ['big-pack/grace', 'test-pack/ada'])).toMatchObject([{ key: 'test-pack/ada' }]);
    const sizes = await estimatePackSizes(db);
    expect([...sizes.keys()]).toEqual(['test-pack']);
  });

  it('goes live in one short switch: one revision, one announcement, every reader sees it', async () => {
    const { db, revision, staged } = await libraryWithStagedPack();
    const heard = collectAnnouncements(revision);
    expect(await staged.switchLive()).toEqual({ status: 'installed', packId: 'big-pack', entities: 2, articles: 1 });
    expect(await getRevision(db)).toBe(revision + 1);
    expect((await heard.settle()).map((c) => c.revision)).toEqual([revision + 1]);
    heard.stop();
    expect(await entityKeys(db, 'grace')).toEqual(['big-pack/grace']);
    expect(await findArticlesByUrl(db, 'https://news.example/cobol')).toHaveLength(1);
    expect(await getEntityCards(db, ['big-pack/grace'])).toHaveLength(1);
    expect(await db.meta.where('key').startsWith('stagedPack/').count()).toBe(0);
  });

  it('leaves the library as it was when the import fails midway, staged rows removed', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const before = await exportAll(db);
    await expect(stagePack(db, rowsOf(newPack()), { chunkRows: 1, onProgress: failOnSecond })).rejects.toThrow('disk full');
    expect(await exportAll(db)).toEqual(before);
  });

  it('is discarded on request (a cancelled import), leaving the library as it was', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const before = await exportAll(db);
    const staged = await stagePack(db, rowsOf(newPack()), { chunkRows: 1 });
    await staged.discard();
    expect(await exportAll(db)).toEqual(before);
  });

  it('refuses a database a newer Backstory upgraded, writing nothing', async () => {
    const indexedDB = new IDBFactory();
    const first = new BackstoryDatabase({ name: 'newer-staged', indexedDB, IDBKeyRange });
    await installPack(first, makePack(), { source });
    first.close();
    const later = new Dexie('newer-staged', { indexedDB, IDBKeyRange });
    later.version(7).stores({ packs: 'id', entities: 'key, nameFold', articles: 'key, sortDate, *mentionIndex, urlKey', meta: 'key', entityEdits: 'key' });
    await later.open();
    later.close();
    const db = new BackstoryDatabase({ name: 'newer-staged', indexedDB, IDBKeyRange });
    const before = await exportAll(db);
    await expect(stagePack(db, rowsOf(newPack()))).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(await exportAll(db)).toEqual(before);
  });
});

describe('cleanUpStagedPacks: what an import cut off leaves', () => {
  it('removes the rows of an import whose worker died (the browser closed mid-import)', async () => {
    const { db } = await libraryWithStagedPack(deadLocks);
    expect(await cleanUpStagedPacks(db, { locks: deadLocks })).toBe(1);
    expect(await db.entities.where(':id').startsWith('big-pack/').count()).toBe(0);
    expect(await db.articles.where(':id').startsWith('big-pack/').count()).toBe(0);
    expect(await db.meta.where('key').startsWith('stagedPack/').count()).toBe(0);
    expect(await entityKeys(db)).toHaveLength(3);
  });

  it('leaves an import that is still running alone', async () => {
    const { db } = await libraryWithStagedPack(liveLocks);
    expect(await cleanUpStagedPacks(db, { locks: liveLocks })).toBe(0);
    expect(await db.entities.get('big-pack/grace')).toBeDefined();
  });

  it('runs before the next import, which installs in one revision', async () => {
    const db = freshDatabase();
    await stagePack(db, rowsOf(newPack()), { chunkRows: 1, locks: deadLocks });
    const revision = await getRevision(db);
    const outcome = await runImport(db, bytesOf(makePack()), { source });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'installed' } });
    expect(await getRevision(db)).toBe(revision + 1);
    expect(await db.entities.where(':id').startsWith('big-pack/').count()).toBe(0);
  });

  it('tells the live queries of other contexts (the library lists) that entities and articles changed, once live', async () => {
    // The rows were added behind Dexie's back (lib/db/add-rows.ts): without this, a library list open meanwhile kept its cached rows.
    const db = freshDatabase();
    // Dexie announces every table of a database it creates: let that pass first.
    await db.open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const channel = new BroadcastChannel('x-storagemutated-1');
    const parts = new Set<string>();
    channel.addEventListener('message', (event) => {
      for (const part of Object.keys((event as MessageEvent).data as object)) parts.add(part);
    });
    await runImport(db, bytesOf(newPack()), { source });
    await new Promise((resolve) => setTimeout(resolve, 50));
    channel.close();
    expect(parts).toContain(`idb://${db.name}/entities/nameFold`);
    expect(parts).toContain(`idb://${db.name}/articles/mentionIndex`);
  });

  it('tells the user while the next import waits for the clean-up, and only then', async () => {
    const db = freshDatabase();
    await stagePack(db, rowsOf(newPack()), { chunkRows: 1, locks: deadLocks });
    const seen: ImportProgress[] = [];
    await runImport(db, bytesOf(makePack()), { source, onProgress: (p) => seen.push(p) });
    const clearing = seen.findIndex((p) => p.clearing);
    expect(seen.filter((p) => p.clearing)).toEqual([{ stage: 'write', clearing: true }]);
    // Then the write's counts again, from nothing.
    expect(seen[clearing + 1]).toMatchObject({ stage: 'write', done: 0 });
    const again: ImportProgress[] = [];
    await runImport(db, bytesOf(makePack({ id: 'other' })), { source, onProgress: (p) => again.push(p) });
    expect(again.some((p) => p.clearing)).toBe(false);
  });

  it('lets the same pack be imported again after its import was cut off', async () => {
    const db = freshDatabase();
    await stagePack(db, rowsOf(newPack()), { chunkRows: 1, locks: deadLocks });
    const outcome = await runImport(db, bytesOf(newPack()), { source });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'installed', entities: 2, articles: 1 } });
    expect(await entityKeys(db)).toEqual(['big-pack/grace', 'big-pack/navy']);
  });
});
