import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import { SearchIndexCache } from '../../../lib/search/index-cache';
import { allMentions, exportAll, makePack } from '../kb/test-db';
import { LIBRARY_FACTS, SHIPPED_VERSIONS, type ShippedVersion } from './version-history';

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
