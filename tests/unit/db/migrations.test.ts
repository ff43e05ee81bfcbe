import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { exportPack } from '../../../lib/kb/export-pack';
import { installPack } from '../../../lib/kb/install-pack';
import { SearchIndexCache } from '../../../lib/search/index-cache';
import { allMentions, exportAll, makePack } from '../kb/test-db';
import { LIBRARY_FACTS, SHIPPED_VERSIONS, type ShippedVersion } from './version-history';

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

  it('versions 2 to 5: upgrade a version 1 database with data, losing nothing and filling the new indexes', async () => {
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
    expect(db.verno).toBe(5);
    expect(schemaOf(db)).toEqual({
      packs: 'id',
      entities: 'key, nameFold',
      articles: 'key, sortDate, *mentionIndex, urlKey',
      meta: 'key',
      entityEdits: 'key',
    });
    expect(await db.packs.toArray()).toEqual([pack]);
    const { original: _o, ...entityFields } = entity;
    expect(await db.entities.toArray()).toEqual([{ ...entityFields, nameFold: 'recep tayyip erdogan' }]);
    expect(await db.articles.orderBy('sortDate').primaryKeys()).toEqual(['p/b', 'p/a']);
    expect((await db.articles.get('p/a'))?.entityMentions).toEqual([{ entityKey: 'p/erdogan', sentence: 'S.', role: 'about' }]);
    expect(await db.articles.where('mentionIndex').startsWith('p/erdogan\u0000').primaryKeys()).toEqual(['p/a']);
    expect(await db.meta.get('revision')).toEqual({ key: 'revision', value: 7 });
    expect(await db.entities.where('nameFold').startsWith('recep').count()).toBe(1);
    expect(await db.entityEdits.count()).toBe(0);
    db.close();
  });

  it('version 3: keeps what no row field holds, tells declared mentions from found ones, and indexes URLs', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('v3-upgrade', { indexedDB, IDBKeyRange });
    for (const shipped of SHIPPED_VERSIONS.filter((v) => v.version <= 2)) old.version(shipped.version).stores(shipped.stores);
    const entityOriginal = { id: 'e', name: 'E', match: { caseSensitive: true, futureRule: 1 }, futureField: 'kept' };
    await old.table('entities').put({ key: 'p/e', packId: 'p', id: 'e', name: 'E', type: 'Thing', alternateName: [], sameAs: [], caseSensitive: true, nameFold: 'e', original: entityOriginal });
    const article = { packId: 'p', headline: 'H', author: [], about: [], mentions: [], keywords: [], sortDate: '' };
    await old.table('articles').bulkPut([
      // Declared no mentions ([]), at a URL with a fragment, with an unknown property.
      { ...article, key: 'p/declared', id: 'declared', url: 'https://news.example/a#top', original: { id: 'declared', headline: 'H', mentions: [], note: { by: 'x' } } },
      // Left its mentions to the matcher: v2 stored [] too.
      { ...article, key: 'p/found', id: 'found', original: { id: 'found', headline: 'H' } },
    ]);
    await old.table('mentions').put({ entityKey: 'p/e', articleKey: 'p/found', packId: 'p', date: '', sentence: 'E.', role: 'mentions' });
    old.close();

    const db = new BackstoryDatabase({ name: 'v3-upgrade', indexedDB, IDBKeyRange });
    await db.open();
    const e = await db.entities.get('p/e');
    expect(e?.extra).toEqual({ match: { caseSensitive: true, futureRule: 1 }, futureField: 'kept' });
    expect(e).not.toHaveProperty('original');
    const declared = await db.articles.get('p/declared');
    expect(declared).toMatchObject({ mentions: [], extra: { note: { by: 'x' } }, urlKey: 'https://news.example/a', entityMentions: [], mentionIndex: [] });
    const found = await db.articles.get('p/found');
    expect(found).not.toHaveProperty('mentions');
    expect(found).not.toHaveProperty('extra');
    expect(found?.mentionIndex).toEqual(['p/e\u0000']);
    expect(await exportPack(db, 'p').catch(() => 'no pack row')).toBeUndefined();
    db.close();
  });

  it('version 5: folds stored names by the rules the matcher and search use', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('v5-upgrade', { indexedDB, IDBKeyRange });
    for (const shipped of SHIPPED_VERSIONS.filter((v) => v.version <= 4)) old.version(shipped.version).stores(shipped.stores);
    const row = { packId: 'p', type: 'Place', alternateName: [], sameAs: [] };
    await old.table('entities').bulkPut([
      { ...row, key: 'p/lodz', id: 'lodz', name: 'Łódź', nameFold: 'łodz' },
      { ...row, key: 'p/ﬁji', id: 'ﬁji', name: 'ﬁji', nameFold: 'ﬁji' },
    ]);
    old.close();

    const db = new BackstoryDatabase({ name: 'v5-upgrade', indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.entities.where('nameFold').startsWith('lodz').primaryKeys()).toEqual(['p/lodz']);
    expect((await db.entities.get('p/ﬁji'))?.nameFold).toBe('fiji');
    db.close();
  });

  // Dexie 4 opens a database of a higher version when our tables are compatible; what
  // matters is that nothing of the newer version's data is destroyed.
  it('opens a database left by a newer Backstory without destroying its data', async () => {
    const indexedDB = new IDBFactory();
    const newer = new Dexie('v-newer', { indexedDB, IDBKeyRange });
    newer.version(6).stores({ packs: 'id', future: 'id' });
    await newer.table('future').put({ id: 'x' });
    newer.close();

    const db = new BackstoryDatabase({ name: 'v-newer', indexedDB, IDBKeyRange });
    await db.open().catch(() => undefined);
    db.close();

    const again = new Dexie('v-newer', { indexedDB, IDBKeyRange });
    again.version(6).stores({ packs: 'id', future: 'id' });
    expect(await again.table('future').count()).toBe(1);
    again.close();
  });
});

/** A database exactly as a user of `shipped` has it: that schema, that data. */
async function databaseOf(shipped: ShippedVersion, indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie('backstory-upgrade', { indexedDB, IDBKeyRange });
  // Declare the history up to that version, as that build did.
  for (const earlier of SHIPPED_VERSIONS.filter((v) => v.version <= shipped.version)) old.version(earlier.version).stores(earlier.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(shipped.library)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/**
 * The upgrade harness: every shipped version's database, opened by today's code, keeps
 * every pack, entity, article and mention, reads the same through lib/kb, and takes new
 * writes. A new version only needs an entry in version-history.ts.
 */
describe.each(SHIPPED_VERSIONS.map((v) => [v.version, v] as const))('a database of version %i, opened by this build', (_, shipped) => {
  async function open(): Promise<BackstoryDatabase> {
    const indexedDB = new IDBFactory();
    await databaseOf(shipped, indexedDB);
    const db = new BackstoryDatabase({ name: 'backstory-upgrade', indexedDB, IDBKeyRange });
    await db.open();
    return db;
  }

  it('loses no row: every primary key of every table is still there', async () => {
    const db = await open();
    for (const [table, rows] of Object.entries(shipped.library)) {
      if (table === 'mentions') continue; // moved into articles: the next test
      const wanted = rows.map((row) => Dexie.getByKeyPath(row as object, db.table(table).schema.primKey.keyPath as string | string[]));
      const kept = await db.table(table).toCollection().primaryKeys();
      expect(kept.map((k) => JSON.stringify(k)).toSorted(), table).toEqual(wanted.map((k) => JSON.stringify(k)).toSorted());
    }
    db.close();
  });

  it('keeps every mention, with its sentence and role', async () => {
    const db = await open();
    type Mention = { entityKey: string; articleKey: string; sentence: string; role: string };
    type Article = { key: string; entityMentions: Array<Omit<Mention, 'articleKey'>> };
    // Up to v2 a table of mention rows; since v3 inside their article.
    const shippedMentions = (shipped.library.mentions as Mention[] | undefined) ??
      (shipped.library.articles as Article[]).flatMap((a) => a.entityMentions.map((m) => ({ ...m, articleKey: a.key })));
    const pick = (m: Mention) => JSON.stringify([m.entityKey, m.articleKey, m.sentence, m.role]);
    expect(shippedMentions.length).toBeGreaterThan(0);
    expect((await allMentions(db)).map(pick).toSorted()).toEqual(shippedMentions.map(pick).toSorted());
    db.close();
  });

  it('reads the same library through lib/kb: packs, entity cards with sentences, search', async () => {
    const db = await open();
    expect((await db.packs.orderBy('id').toArray()).map((p) => ({ id: p.id, enabled: p.enabled }))).toEqual(LIBRARY_FACTS.packs);
    expect((await db.entities.toCollection().primaryKeys()).toSorted()).toEqual(LIBRARY_FACTS.entityKeys);
    expect((await db.articles.toCollection().primaryKeys()).toSorted()).toEqual(LIBRARY_FACTS.articleKeys);
    const [ada] = await getEntityCards(db, ['test-pack/ada']);
    expect(ada?.name).toBe('Ada Lovelace');
    expect(ada?.articles.map((a) => ({ headline: a.headline, sentence: a.sentence }))).toEqual(LIBRARY_FACTS.adaArticles);
    const found = (await new SearchIndexCache(db).get()).search('lovelace', { entities: 8, articles: 8 });
    expect(found.entities.map((e) => e.key)).toContain('test-pack/ada');
    db.close();
  });

  it('takes new writes after the upgrade', async () => {
    const db = await open();
    const before = await exportAll(db);
    await installPack(db, makePack({ id: 'after-upgrade' }), { source: { kind: 'file' } });
    expect(await db.packs.count()).toBe(before.packs!.length + 1);
    db.close();
  });
});

describe('the version history', () => {
  it('ends with the schema this build declares, so an edit of a shipped version fails here', async () => {
    const latest = SHIPPED_VERSIONS.at(-1)!;
    const db = new BackstoryDatabase({ name: 'history', indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(latest.version);
    const declared = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    const expected = Object.fromEntries(Object.entries(latest.stores).filter(([, v]) => v !== null));
    expect(declared).toEqual(expected);
    db.close();
  });
});
