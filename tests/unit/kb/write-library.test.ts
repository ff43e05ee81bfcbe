import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';
import { getRevision } from '../../../lib/db/revision';
import { NewerDatabaseError } from '../../../lib/db/version-guard';
import { createBackup, restoreBackup } from '../../../lib/kb/backup';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { listenForLibraryChanges, type LibraryChange } from '../../../lib/kb/library-changes';
import { saveUserArticle } from '../../../lib/kb/my-articles';
import { packToRows } from '../../../lib/kb/pack-to-rows';
import { removePackWithUndo, undoRemovePack, type RemovedPack } from '../../../lib/kb/pack-undo';
import { checkPackUpdate } from '../../../lib/kb/pack-updates';
import { stagePack } from '../../../lib/kb/staged-pack';
import { addUserEntity, deleteArticle } from '../../../lib/kb/user-pack';
import { makePack } from './test-db';

const PACK_URL = 'https://packs.example/test.pack.json';
const source = { kind: 'url', url: PACK_URL } as const;
/** Long enough for a BroadcastChannel message to arrive. */
const DELIVERY_MS = 50;

/** Stores a newer Backstory might declare: ours, plus one of its own. */
const NEWER_STORES = {
  packs: 'id',
  entities: 'key, nameFold',
  articles: 'key, sortDate, *mentionIndex, urlKey',
  meta: 'key',
  entityEdits: 'key',
  notes: 'id',
};

let counter = 0;

/** A database with the test pack; `newer` then lets a newer Backstory upgrade it (schema version 7). */
async function libraryWithPack({ newer = false } = {}): Promise<BackstoryDatabase> {
  const indexedDB = new IDBFactory();
  const name = `write-${++counter}`;
  const db = new BackstoryDatabase({ name, indexedDB, IDBKeyRange });
  await installPack(db, makePack(), { source });
  if (!newer) return db;
  db.close();
  const later = new Dexie(name, { indexedDB, IDBKeyRange });
  later.version(7).stores(NEWER_STORES);
  await later.open();
  later.close();
  return new BackstoryDatabase({ name, indexedDB, IDBKeyRange });
}

/** Collects announcements of revisions above `after` (earlier writes' messages may still be in flight). */
function collectAnnouncements(after: number): { changes: LibraryChange[]; settle(): Promise<LibraryChange[]>; stop(): void } {
  const changes: LibraryChange[] = [];
  const stop = listenForLibraryChanges((change) => {
    if (change.revision > after) changes.push(change);
  });
  return {
    changes,
    stop,
    settle: () => new Promise((resolve) => setTimeout(() => resolve(changes), DELIVERY_MS)),
  };
}

/** An update address that serves version 2.0.0 of the test pack. */
async function serve(): Promise<Response> {
  return new Response(JSON.stringify(makePack({ version: '2.0.0' })), { status: 200 });
}

const removedRows = new WeakMap<BackstoryDatabase, RemovedPack>();

/** Each kind of write, as its caller makes it. `prepare` runs first, on a database this build may write. */
const WRITES: Array<{ kind: string; prepare?: (db: BackstoryDatabase) => Promise<void>; write: (db: BackstoryDatabase) => Promise<unknown> }> = [
  { kind: 'pack install', write: (db) => installPack(db, makePack({ id: 'another' }), { source }) },
  {
    kind: 'staged pack import (chunks unseen, then one switch)',
    write: async (db) => (await stagePack(db, packToRows(makePack({ id: 'staged' }), { source, now: 1 }), { chunkRows: 1 })).switchLive(),
  },
  { kind: 'pack replace (newer version)', write: (db) => installPack(db, makePack({ version: '2.0.0' }), { source }) },
  { kind: 'pack highlight off', write: (db) => setPackEnabled(db, 'test-pack', false) },
  { kind: 'pack remove', write: (db) => removePackWithUndo(db, 'test-pack') },
  {
    kind: 'undo of a remove',
    prepare: async (db) => {
      removedRows.set(db, (await removePackWithUndo(db, 'test-pack'))!);
    },
    write: (db) => undoRemovePack(db, removedRows.get(db) ?? { pack: { ...makePack().pack, id: 'test-pack' } as never, removedAt: 0 }),
  },
  { kind: 'entity edit', write: (db) => saveEntityEdit(db, 'test-pack/ada', { description: 'Wrote the first program.' }) },
  { kind: 'new entity in the user pack', write: (db) => addUserEntity(db, { name: 'Grace Hopper', type: 'Person', alternateName: [] }) },
  { kind: 'article delete', write: (db) => deleteArticle(db, 'test-pack/old') },
  { kind: 'My articles save', write: (db) => saveUserArticle(db, { article: { headline: 'A visit', articleBody: 'Ada Lovelace came to London.' } }) },
  {
    kind: 'restore from backup',
    write: async (db) => restoreBackup(db, await createBackup(db, { settings: {} })),
  },
];

describe('every library write goes through one path', () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const { kind, prepare, write } of WRITES) {
    it(`${kind}: bumps the revision once and announces it after the commit`, async () => {
      const db = await libraryWithPack();
      await prepare?.(db);
      const before = await getRevision(db);
      const announced = collectAnnouncements(before);
      await write(db);
      const after = await getRevision(db);
      expect(after).toBeGreaterThan(before);
      expect(await announced.settle()).toEqual([{ type: 'library.changed', revision: after }]);
      announced.stop();
    });

    it(`${kind}: refused on a database a newer Backstory upgraded, nothing written or announced`, async () => {
      const db = await libraryWithPack({ newer: true });
      // Preparing would itself be refused; the undo names the pack as it stands.
      if (prepare) removedRows.set(db, { pack: (await db.packs.get('test-pack'))!, removedAt: 0 });
      const before = await getRevision(db);
      const announced = collectAnnouncements(before);
      await expect(write(db)).rejects.toBeInstanceOf(NewerDatabaseError);
      expect(await getRevision(db)).toBe(before);
      expect(await announced.settle()).toEqual([]);
      announced.stop();
    });
  }

  it('pack update: installs, bumps the revision and announces; refused on a newer database', async () => {
    const db = await libraryWithPack();
    const before = await getRevision(db);
    const announced = collectAnnouncements(before);
    expect(await checkPackUpdate(db, 'test-pack', { fetch: serve })).toMatchObject({ outcome: 'updated' });
    expect(await announced.settle()).toEqual([{ type: 'library.changed', revision: await getRevision(db) }]);
    announced.stop();

    const newer = await libraryWithPack({ newer: true });
    const refused = collectAnnouncements(await getRevision(newer));
    expect(await checkPackUpdate(newer, 'test-pack', { fetch: serve })).toMatchObject({ outcome: 'failed' });
    expect((await newer.packs.get('test-pack'))?.version).toBe('1.0.0');
    expect(await refused.settle()).toEqual([]);
    refused.stop();
  });

  it('a write that changes nothing neither bumps nor announces', async () => {
    const db = await libraryWithPack();
    const before = await getRevision(db);
    const announced = collectAnnouncements(before);
    expect(await installPack(db, makePack(), { source })).toMatchObject({ status: 'already-installed' });
    expect(await removePackWithUndo(db, 'no-such-pack')).toBeUndefined();
    expect(await getRevision(db)).toBe(before);
    expect(await announced.settle()).toEqual([]);
    announced.stop();
  });

  it('a failed announcement does not undo or fail a committed write', async () => {
    const db = await libraryWithPack();
    vi.stubGlobal('BroadcastChannel', () => {
      throw new Error('no channel here');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await saveUserArticle(db, { article: { headline: 'A visit', articleBody: 'Ada Lovelace came to London.' } });
    expect(result.status).toBe('saved');
    expect(await db.articles.get((result as { articleKey: string }).articleKey)).toBeDefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});
