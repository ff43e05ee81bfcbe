import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';

/**
 * One test per database version: open a database left by the previous version, with
 * data, and check the upgrade keeps everything. Version 1 is the first; its test pins
 * the schema so that an edit of a shipped version fails here instead of in users' browsers.
 */
describe('database versions', () => {
  it('version 1: the shipped schema', async () => {
    const db = new BackstoryDatabase({ name: 'v1', indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(1);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    expect(schema).toEqual({
      packs: 'id',
      entities: 'key, packId, *sameAs',
      articles: 'key, packId',
      mentions: '[entityKey+articleKey], [entityKey+date], packId, articleKey',
      meta: 'key',
    });
    db.close();
  });

  // Dexie 4 opens a database of a higher version when our tables are compatible; what
  // matters is that nothing of the newer version's data is destroyed.
  it('opens a database left by a newer Backstory without destroying its data', async () => {
    const indexedDB = new IDBFactory();
    const newer = new Dexie('v-newer', { indexedDB, IDBKeyRange });
    newer.version(5).stores({ packs: 'id', future: 'id' });
    await newer.table('future').put({ id: 'x' });
    newer.close();

    const db = new BackstoryDatabase({ name: 'v-newer', indexedDB, IDBKeyRange });
    await db.open().catch(() => undefined);
    db.close();

    const again = new Dexie('v-newer', { indexedDB, IDBKeyRange });
    again.version(5).stores({ packs: 'id', future: 'id' });
    expect(await again.table('future').count()).toBe(1);
    again.close();
  });
});
