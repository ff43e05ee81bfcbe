import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/db/database';
import { NewerDatabaseError, newerStoredVersion } from '../../../lib/db/version-guard';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { SearchIndexCache } from '../../../lib/search/index-cache';
import { describeOutcome } from '../../../entrypoints/options/import/import-messages';
import { writeFailureCode } from '../../../lib/kb/import-pipeline';
import { isQuotaExceeded, withTransactionCause } from '../../../lib/db/storage-errors';
import { exportAll, freshDatabase, makePack } from '../kb/test-db';

const source = { kind: 'file' } as const;

/** What the options page tells the user when a write failed with `error`. */
function writeFailureMessage(error: unknown): string {
  return describeOutcome({ ok: false, code: writeFailureCode(error), issues: [], total: 0 }, 'pack.json').summary;
}

/**
 * Makes the n-th write request (add, put or delete on any object store) fail the way a
 * full disk does: the request errors asynchronously with QuotaExceededError and the
 * transaction aborts. Counting starts when installed; returns how many writes were seen.
 */
type WriteMethod = 'add' | 'put' | 'delete';
const WRITE_METHODS: readonly WriteMethod[] = ['add', 'put', 'delete'];
const originals = new Map(WRITE_METHODS.map((m) => [m, IDBObjectStore.prototype[m]]));

// oxlint-disable no-underscore-dangle -- fake-indexeddb's internal request queue is where a failing request is made
function failNthWrite(n: number, how: 'request' | 'abort' = 'request'): { writes(): number } {
  let writes = 0;
  for (const method of WRITE_METHODS) {
    const original = originals.get(method)! as (...args: unknown[]) => unknown;
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (++writes === n && how === 'abort') {
        // Chromium's way: the transaction aborts with QuotaExceededError, requests get AbortError.
        const request = original.apply(this, args);
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
        return request;
      }
      if (writes === n) {
        const tx = this.transaction as unknown as { _execRequestAsync(o: { operation(): unknown }): unknown };
        const exec = tx._execRequestAsync;
        tx._execRequestAsync = function (request) {
          tx._execRequestAsync = exec;
          return exec.call(this, {
            ...request,
            operation: () => {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            },
          });
        };
      }
      return original.apply(this, args);
    };
  }
  return { writes: () => writes };
}
// oxlint-enable no-underscore-dangle

afterEach(() => {
  for (const [method, original] of originals) (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = original;
});

describe('a full disk at any write', () => {
  it('installing a new pack: every write position leaves the knowledge base exactly as it was', async () => {
    // Count the writes of one install, then fail each of them in turn.
    const probe = freshDatabase();
    await installPack(probe, makePack({ id: 'first' }), { source });
    const counter = failNthWrite(Number.POSITIVE_INFINITY);
    await installPack(probe, makePack({ id: 'second' }), { source });
    const total = counter.writes();
    expect(total).toBeGreaterThan(5);

    for (let n = 1; n <= total; n++) {
      const db = freshDatabase();
      await installPack(db, makePack({ id: 'first' }), { source });
      const before = await exportAll(db);
      failNthWrite(n);
      const error = await installPack(db, makePack({ id: 'second' }), { source }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `write ${n} of ${total}`).toBeDefined();
      // What the options page tells the user for this error.
      expect(writeFailureMessage(error)).toMatch(/ran out of space while saving this pack.*Your library is unchanged/u);
      expect(await exportAll(db), `write ${n} of ${total}`).toEqual(before);
      db.close();
    }
  });

  it('the way Chromium reports it (transaction aborted, requests AbortError): still the full-disk message, nothing written', async () => {
    for (const n of [1, 2, 5, 7]) {
      const db = freshDatabase();
      await installPack(db, makePack({ id: 'first' }), { source });
      const before = await exportAll(db);
      failNthWrite(n, 'abort');
      const error = await installPack(db, makePack({ id: 'second' }), { source }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).name, `write ${n}`).not.toBe('QuotaExceededError');
      expect(writeFailureMessage(error), `write ${n}`).toMatch(/ran out of space while saving this pack.*Your library is unchanged/u);
      expect(await exportAll(db)).toEqual(before);
      db.close();
    }
  });

  it('updating a pack (delete old rows, add new): every write position keeps the old version whole', async () => {
    const v2 = makePack({ version: '2.0.0', entities: [{ id: 'ada', name: 'Ada Lovelace', type: 'Person' }], articles: [] });
    const probe = freshDatabase();
    await installPack(probe, makePack(), { source });
    const counter = failNthWrite(Number.POSITIVE_INFINITY);
    await installPack(probe, v2, { source });
    const total = counter.writes();

    for (let n = 1; n <= total; n++) {
      const db = freshDatabase();
      await installPack(db, makePack(), { source });
      const before = await exportAll(db);
      failNthWrite(n);
      await expect(installPack(db, v2, { source })).rejects.toBeDefined();
      expect(await exportAll(db), `write ${n} of ${total}`).toEqual(before);
      db.close();
    }
  });

  it('removing a pack: a failure midway removes nothing', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const before = await exportAll(db);
    failNthWrite(2);
    await expect(removePackWithUndo(db, 'test-pack')).rejects.toBeDefined();
    expect(await exportAll(db)).toEqual(before);
  });
});

/** This build's schema as a newer Backstory might extend it: same tables, one more. */
const NEWER_COMPATIBLE = {
  packs: 'id',
  entities: 'key, nameFold',
  articles: 'key, sortDate, *mentionIndex, urlKey',
  meta: 'key',
  entityEdits: 'key',
  notes: 'id',
};

async function databaseLeftByNewerBackstory(stores: Record<string, string>, indexedDB: IDBFactory): Promise<void> {
  // First this build's data, then a newer build upgrades it and adds its own.
  const old = new BackstoryDatabase({ name: 'newer', indexedDB, IDBKeyRange });
  await installPack(old, makePack(), { source });
  old.close();
  const newer = new Dexie('newer', { indexedDB, IDBKeyRange });
  newer.version(7).stores(stores);
  await newer.table('notes').put({ id: 'n1', text: 'my note' });
  newer.close();
}

async function rawDump(indexedDB: IDBFactory): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  const db = new Dexie('newer', { indexedDB, IDBKeyRange });
  await db.open(); // no declared versions: opens whatever is there, changes nothing
  const stores: Record<string, unknown[]> = {};
  for (const table of db.tables) stores[table.name] = await table.toArray();
  const version = db.backendDB().version;
  db.close();
  return { version, stores };
}

/** Meta keys that hold data derived from the knowledge base, rebuilt whenever missing or stale (the matcher's head and its parts). */
const DERIVED_META_KEYS = /^(searchIndex|matcherSnapshot)/u;

function withoutDerivedCaches(dump: { version: number; stores: Record<string, unknown[]> }) {
  const meta = (dump.stores.meta ?? []).filter((row) => !DERIVED_META_KEYS.test((row as { key: string }).key));
  return { ...dump, stores: { ...dump.stores, meta } };
}

describe('a database left by a newer Backstory', () => {
  it('is read (highlights and search keep working), never written, and nothing is destroyed', async () => {
    const indexedDB = new IDBFactory();
    await databaseLeftByNewerBackstory(NEWER_COMPATIBLE, indexedDB);
    const before = await rawDump(indexedDB);

    const db = new BackstoryDatabase({ name: 'newer', indexedDB, IDBKeyRange });
    expect(await newerStoredVersion(db)).toBe(7);
    expect((await getEntityCards(db, ['test-pack/ada']))[0]?.name).toBe('Ada Lovelace');
    expect((await new SearchIndexCache(db).get()).search('Lovelace', { entities: 8, articles: 8 }).entities.length).toBeGreaterThan(0);

    const refused = await installPack(db, makePack({ id: 'another' }), { source }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    expect(writeFailureMessage(refused)).toBe(
      'Your library was saved by a newer version of Backstory. Update Backstory to change it; nothing was changed or deleted.',
    );
    await expect(removePackWithUndo(db, 'test-pack')).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(setPackEnabled(db, 'test-pack', false)).rejects.toBeInstanceOf(NewerDatabaseError);
    db.close();

    // Derived caches (the search index, the compiled matcher) may be stored beside the
    // data, as on any read; the knowledge itself is untouched.
    expect(withoutDerivedCaches(await rawDump(indexedDB))).toEqual(withoutDerivedCaches(before));
  });

  it('whose schema dropped our tables: still refuses writes and keeps the newer data', async () => {
    const indexedDB = new IDBFactory();
    await databaseLeftByNewerBackstory({ packs: null, entities: null, articles: null, mentions: null, meta: 'key', notes: 'id', library: 'id' } as unknown as Record<string, string>, indexedDB);
    const db = new BackstoryDatabase({ name: 'newer', indexedDB, IDBKeyRange });
    await expect(installPack(db, makePack({ id: 'another' }), { source })).rejects.toBeInstanceOf(NewerDatabaseError);
    db.close();
    const after = await rawDump(indexedDB);
    expect(after.stores.notes).toEqual([{ id: 'n1', text: 'my note' }]);
    expect(after.stores.packs ?? []).toEqual([]);
  });

  it('a database of this version is writable', async () => {
    const db = freshDatabase();
    expect(await newerStoredVersion(db)).toBeUndefined();
    await installPack(db, makePack(), { source });
    expect(await db.packs.count()).toBe(1);
  });
});

describe('isQuotaExceeded', () => {
  it('recognises a full disk in the shapes browsers and Dexie give it, and nothing else', () => {
    const chromiumDiskFull = new DOMException(
      'Connection is closing because of: IO error: .../x.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );
    const bulk = Object.assign(new Error('articles.bulkAdd(): 254 of 300 operations failed.'), {
      name: 'BulkError',
      failures: [new DOMException('The transaction was aborted', 'AbortError')],
    });
    expect(isQuotaExceeded(new DOMException('quota', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded(withTransactionCause(bulk, { error: chromiumDiskFull } as unknown as IDBTransaction))).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } })).toBe(true);
    expect(isQuotaExceeded(new DOMException('Internal error', 'UnknownError'))).toBe(false);
    expect(isQuotaExceeded(new DOMException('The transaction was aborted', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });
});
