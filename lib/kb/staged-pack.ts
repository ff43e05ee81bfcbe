/**
 * Staged import of a new pack: its rows are written in many short transactions while no
 * reader sees them, then one short transaction switches the pack live. Readers keep
 * answering from the library as it was meanwhile (a single transaction of 550,000 rows
 * kept every hover and search waiting for a minute at a million names).
 *
 * How readers miss the rows: a staged pack has no row in `packs` until the switch, only
 * a record in `meta` (`stagedPack/<id>`). Readers that go through `packs` (the matcher,
 * the search index, export, backup, counts) never reach its rows; the few that reach
 * rows another way (an index, a key) skip rows whose pack is not installed
 * (`installedPackIds`). A staged import that failed, was cancelled or was cut off (the
 * browser closed) leaves its record and rows; `cleanUpStagedPacks` removes them at the
 * next start and before the next import. A Web Lock held for the whole import tells a
 * live import from a dead one (the browser frees a dead worker's locks).
 */
import type { BackstoryDatabase } from '../db/database';
import type { Table } from 'dexie';
import { addRowsCommitted, signalTablesChanged } from '../db/add-rows';
import { isQuotaExceeded } from '../db/storage-errors';
import { writeInChunks, type InstallPackResult, type WriteProgress } from './install-pack';
import { installedPackIds, rowsOfPack } from './keys';
import type { PackRows, StreamedPackRows } from './pack-to-rows';
import { purgeRemovedPack } from './removed-packs';
import { writeLibrary, writeUnseenRows } from './write-library';

const STAGED_RECORD_PREFIX = 'stagedPack/';
const LOCK_PREFIX = 'backstory-staged-pack/';

/** Rows per transaction: each is short (a reader waits for at most a few of them). */
const STAGED_CHUNK_ROWS = 2_000;
/**
 * Transactions queued at once: one. With three, a disk that filled up during the write left
 * Chromium unable to open the database again ("Internal error opening backing store")
 * until the browser restarted (tests/e2e/faults.e2e.ts); one at a time it fails cleanly.
 */
const STAGED_IN_FLIGHT = 1;
/** Rows deleted per transaction when cleaning up. */
const CLEAN_UP_CHUNK_ROWS = 5_000;

interface StagedRecord {
  packId: string;
  startedAt: number;
}

/** Holds a named lock for as long as `body` runs; tells whether a lock is held. Web Locks by default. */
export interface StagingLocks {
  hold<T>(name: string, body: () => Promise<T>): Promise<T>;
  isHeld(name: string): Promise<boolean>;
}

export interface StagePackOptions {
  onProgress?: (progress: WriteProgress) => void;
  /** Called when the rows an unfinished import left must be removed first: the user waits for that. */
  onClearing?: () => void;
  chunkRows?: number;
  locks?: StagingLocks;
  now?: number;
}

/** A pack whose rows are written but not yet seen: switch it live, or discard it. */
export interface StagedPack {
  switchLive(): Promise<InstallPackResult>;
  discard(): Promise<void>;
}

/**
 * Writes the rows of a pack that is not installed into rows no reader sees, chunk by
 * chunk, and returns the staged pack. On any failure the staged rows are removed (or,
 * if even that fails, left for {@link cleanUpStagedPacks}) and the error is thrown.
 */
export async function stagePack(db: BackstoryDatabase, rows: PackRows | StreamedPackRows, options: StagePackOptions = {}): Promise<StagedPack> {
  const locks = options.locks ?? defaultLocks();
  const packId = rows.pack.id;
  const lock = LOCK_PREFIX + packId;
  // The lock is held from here until the pack is switched live or discarded.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve, reject) => {
    locks.hold(lock, async () => {
      resolve();
      await released;
    }).catch(reject);
  });
  await held;
  const finish = async <T,>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } finally {
      release();
    }
  };
  try {
    let cleared = false;
    const onClearing = () => {
      if (!cleared) options.onClearing?.();
      cleared = true;
    };
    await removeStaged(db, packId, onClearing);
    await cleanUpStagedPacks(db, { locks, onClearing });
    // A removed pack of this id whose rows are not deleted yet: they must not go live with this one.
    await purgeRemovedPack(db, packId, { onStart: onClearing });
    if (cleared) options.onProgress?.({ done: 0, total: rowCount(rows) });
    await writeUnseenRows(db, [db.packs, db.meta], async () => {
      if (await db.packs.get(packId)) throw new Error(`The pack ${packId} was installed meanwhile`);
      await db.meta.put({ key: STAGED_RECORD_PREFIX + packId, value: { packId, startedAt: options.now ?? Date.now() } satisfies StagedRecord });
    });
    await writeChunks(db, rows, options);
  } catch (error) {
    // On a full disk even deleting writes: the rows are left to the next clean-up, once there is room.
    if (isQuotaExceeded(error)) release();
    else await finish(() => removeStaged(db, packId).catch((cleanUpError: unknown) => console.warn('Backstory: staged rows left for the next clean-up', cleanUpError)));
    throw error;
  }
  return {
    switchLive: () =>
      finish(async () => {
        const result = await switchLive(db, rows).catch(async (error: unknown) => {
          await removeStaged(db, packId).catch(() => undefined);
          throw error;
        });
        signalTablesChanged(db, [db.entities.name, db.articles.name]);
        return result;
      }),
    discard: () => finish(() => removeStaged(db, packId)),
  };
}

/**
 * The rows, a transaction per chunk, each committed while the next chunk is built
 * (lib/db/add-rows.ts), with progress after each. The version guard ran when the pack was
 * staged; a newer Backstory opening the database meanwhile closes this connection, and the
 * next chunk fails.
 */
async function writeChunks(db: BackstoryDatabase, rows: PackRows | StreamedPackRows, options: StagePackOptions): Promise<void> {
  const database = db.backendDB();
  await writeInChunks({
    tables: [
      { table: db.entities, rows: rows.entities },
      { table: db.articles, rows: rows.articles },
    ],
    total: rowCount(rows),
    chunkRows: Math.max(1, options.chunkRows ?? STAGED_CHUNK_ROWS),
    inFlight: STAGED_IN_FLIGHT,
    write: (table, chunk) => addRowsCommitted(database, table.name, chunk),
    onProgress: options.onProgress,
  });
}

function rowCount(rows: PackRows | StreamedPackRows): number {
  return rows.entities.length + ('articleCount' in rows ? rows.articleCount : rows.articles.length);
}

/** The short transaction that makes a staged pack part of the library: its pack row, one revision, one announcement. */
async function switchLive(db: BackstoryDatabase, rows: PackRows | StreamedPackRows): Promise<InstallPackResult> {
  const packId = rows.pack.id;
  const articles = 'articleCount' in rows ? rows.articleCount : rows.articles.length;
  return writeLibrary(db, [db.packs], async () => {
    if (!(await db.meta.get(STAGED_RECORD_PREFIX + packId))) throw new Error(`The staged rows of ${packId} were removed meanwhile`);
    if (await db.packs.get(packId)) throw new Error(`The pack ${packId} was installed meanwhile`);
    await db.packs.add({ ...rows.pack });
    await db.meta.delete(STAGED_RECORD_PREFIX + packId);
    return { status: 'installed', packId, entities: rows.entities.length, articles } as const;
  });
}

/**
 * Removes what staged imports that are no longer running left behind (a failure whose
 * clean-up failed too, a closed browser). An import still running holds its lock and is
 * left alone. Called when the background starts and before each staged import.
 */
export async function cleanUpStagedPacks(db: BackstoryDatabase, options: { locks?: StagingLocks; onClearing?: () => void } = {}): Promise<number> {
  const locks = options.locks ?? defaultLocks();
  const records = await db.meta.where('key').startsWith(STAGED_RECORD_PREFIX).toArray();
  let removed = 0;
  for (const record of records) {
    const { packId } = record.value as StagedRecord;
    if (await locks.isHeld(LOCK_PREFIX + packId)) continue;
    await removeStaged(db, packId, options.onClearing);
    removed++;
  }
  return removed;
}

/**
 * Deletes a staged pack's rows, a chunk per transaction, then its record; an installed pack
 * of that id is left alone. `onStart` is called when there is a record to remove.
 */
async function removeStaged(db: BackstoryDatabase, packId: string, onStart?: () => void): Promise<void> {
  const key = STAGED_RECORD_PREFIX + packId;
  if (!(await db.meta.get(key))) return;
  onStart?.();
  if (!(await installedPackIds(db)).has(packId)) {
    for (const table of [db.entities, db.articles] as Table[]) {
      for (;;) {
        const keys = await rowsOfPack(table, packId).limit(CLEAN_UP_CHUNK_ROWS).primaryKeys();
        if (keys.length === 0) break;
        await writeUnseenRows(db, [table], () => table.bulkDelete(keys));
      }
    }
  }
  await writeUnseenRows(db, [db.meta], () => db.meta.delete(key));
}

/** Web Locks where the context has them (pages, workers, the service worker); else locks of this context alone (Node tests). */
function defaultLocks(): StagingLocks {
  const manager = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!manager) return localLocks;
  return {
    hold: (name, body) => manager.request(name, body),
    isHeld: async (name) => ((await manager.query()).held ?? []).some((lock) => lock.name === name),
  };
}

const heldHere = new Set<string>();
const localLocks: StagingLocks = {
  async hold(name, body) {
    heldHere.add(name);
    try {
      return await body();
    } finally {
      heldHere.delete(name);
    }
  },
  isHeld: async (name) => heldHere.has(name),
};
