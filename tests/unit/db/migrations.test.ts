import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';

const V1_SCHEMA = {
  packs: 'id',
  entities: 'key, packId, *sameAs',
  articles: 'key, packId',
  mentions: '[entityKey+articleKey], [entityKey+date], packId, articleKey',
  meta: 'key',
};

/** The database as version 1 shipped it, declared here on its own so later versions cannot change it. */
function versionOne(name: string, indexedDB: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores(V1_SCHEMA);
  return db;
}

function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
}

/**
 * One test per database version: open a database left by the previous version, with
 * data, and check the upgrade keeps everything. Version 1 is the first; its test pins
 * the schema so that an edit of a shipped version fails here instead of in users' browsers.
 */
describe('database versions', () => {
  it('version 1: the shipped schema', async () => {
    const db = versionOne('v1', new IDBFactory());
    await db.open();
    expect(db.verno).toBe(1);
    expect(schemaOf(db)).toEqual(V1_SCHEMA);
    db.close();
  });

  it('version 2: upgrades a version 1 database with data, losing nothing and filling the new indexes', async () => {
    const indexedDB = new IDBFactory();
    const old = versionOne('v2-upgrade', indexedDB);
    const pack = { id: 'p', name: 'P', version: '1.0.0', source: { kind: 'file' }, enabled: true, installedAt: 1, updatedAt: 1, entityCount: 1, articleCount: 2, original: {} };
    const entity = { key: 'p/erdogan', packId: 'p', id: 'erdogan', name: 'Recep Tayyip Erdoğan', type: 'Person', alternateName: [], sameAs: ['https://www.wikidata.org/wiki/Q39723'], original: { id: 'erdogan' } };
    const dated = { key: 'p/a', packId: 'p', id: 'a', headline: 'A', author: [], datePublished: '2024-07-04', about: [], mentions: [], keywords: [], original: {} };
    const undated = { ...dated, key: 'p/b', id: 'b', datePublished: undefined };
    const mention = { entityKey: 'p/erdogan', articleKey: 'p/a', packId: 'p', date: '2024-07-04', sentence: 'S.', role: 'about' };
    await old.table('packs').put(pack);
    await old.table('entities').put(entity);
    await old.table('articles').bulkPut([dated, undated]);
    await old.table('mentions').put(mention);
    await old.table('meta').put({ key: 'revision', value: 7 });
    old.close();

    const db = new BackstoryDatabase({ name: 'v2-upgrade', indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(schemaOf(db)).toEqual({
      ...V1_SCHEMA,
      entities: 'key, packId, *sameAs, nameFold',
      articles: 'key, packId, sortDate',
      entityEdits: 'key',
    });
    expect(await db.packs.toArray()).toEqual([pack]);
    expect(await db.entities.toArray()).toEqual([{ ...entity, nameFold: 'recep tayyip erdogan' }]);
    expect(await db.articles.orderBy('sortDate').primaryKeys()).toEqual(['p/b', 'p/a']);
    expect(await db.mentions.toArray()).toEqual([mention]);
    expect(await db.meta.get('revision')).toEqual({ key: 'revision', value: 7 });
    expect(await db.entities.where('nameFold').startsWith('recep').count()).toBe(1);
    expect(await db.entityEdits.count()).toBe(0);
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
