import type { Table } from 'dexie';
import type { BackstoryDatabase } from '../db/database';
import type { PackSource } from '../db/rows';
import { withTransactionCause } from '../db/storage-errors';
import type { Pack } from '../pack/schema';
import { rowsOfPack } from './keys';
import { dropRemovedRows } from './removed-packs';
import { packToRows, type PackRows, type StreamedPackRows } from './pack-to-rows';
import { compareSemver } from './semver';
import { writeLibrary } from './write-library';

/** Rows per `bulkAdd` while writing: small enough for frequent progress, big enough to be fast. */
const WRITE_CHUNK_ROWS = 2_000;

/**
 * Chunks sent to IndexedDB before the first of them is done. The database works in
 * another process: with this many queued, it never waits while this thread builds and
 * copies the next chunk (`npm run bench:import`).
 */
const CHUNKS_IN_FLIGHT = 8;

/** How far the write has got, in rows of all tables together. */
export interface WriteProgress {
  done: number;
  total: number;
}

export interface WritePackRowsOptions {
  /** Replace even when the installed version is the same or newer. */
  replace?: boolean;
  /**
   * Called after every chunk, inside the write transaction. It must not await; if it
   * throws, the transaction aborts and nothing of the pack is written.
   */
  onProgress?: (progress: WriteProgress) => void;
  /** Rows per chunk; {@link WRITE_CHUNK_ROWS} by default. */
  chunkRows?: number;
}

export interface InstallPackOptions extends WritePackRowsOptions {
  source: PackSource;
  now?: number;
}

export type InstallPackResult =
  | { status: 'installed'; packId: string; entities: number; articles: number }
  | { status: 'updated'; packId: string; entities: number; articles: number; previousVersion: string }
  | { status: 'already-installed'; packId: string; installedVersion: string };

/**
 * Writes a validated pack: builds its rows, then {@link writePackRows}.
 */
export async function installPack(db: BackstoryDatabase, pack: Pack, options: InstallPackOptions): Promise<InstallPackResult> {
  // Building rows is pure work: done before the transaction so it stays short.
  const rows = packToRows(pack, { source: options.source, now: options.now ?? Date.now() });
  return writePackRows(db, rows, options);
}

/**
 * Writes a pack's rows in one transaction, chunk by chunk with progress: either all of
 * it is in the knowledge base or, after any failure (a full disk, a crash, a closed
 * page), none of it, and what was there before stays. A newer version replaces the old
 * one inside the same transaction, so nobody ever sees half a pack or no pack.
 *
 * Used for what must replace rows in place (a new version of an installed pack, whose
 * rows share the old ones' keys) and inside other writes (a restore); the cost is that
 * readers of these tables wait for the commit. A new pack from the import worker is
 * staged instead (lib/kb/staged-pack.ts). Through {@link writeLibrary}: throws NewerDatabaseError,
 * writing nothing, when a newer Backstory has upgraded the database.
 */
export async function writePackRows(
  db: BackstoryDatabase,
  rows: PackRows | StreamedPackRows,
  options: WritePackRowsOptions = {},
): Promise<InstallPackResult> {
  const articleCount = 'articleCount' in rows ? rows.articleCount : rows.articles.length;
  const packId = rows.pack.id;
  const chunkRows = Math.max(1, options.chunkRows ?? WRITE_CHUNK_ROWS);
  // The IndexedDB transaction, to read why it aborted (see withTransactionCause).
  let idbTransaction: IDBTransaction | undefined;
  try {
    return await writeLibrary(db, [db.packs, db.entities, db.articles], async (tx) => {
      idbTransaction = tx.idbtrans;
      const existing = await db.packs.get(packId);
      if (existing && !options.replace && compareSemver(rows.pack.version, existing.version) <= 0) {
        return { status: 'already-installed', packId, installedVersion: existing.version } as const;
      }
      const pack = { ...rows.pack };
      // A removed pack of this id whose rows are not deleted yet: they must not come back with this one.
      await dropRemovedRows(db, packId);
      if (existing) {
        await deletePackContent(db, packId);
        pack.installedAt = existing.installedAt;
        pack.enabled = existing.enabled;
      }
      await db.packs.put(pack);
      await writeInChunks({
        tables: [
          { table: db.entities, rows: rows.entities },
          { table: db.articles, rows: rows.articles },
        ],
        total: rows.entities.length + articleCount,
        chunkRows,
        inFlight: CHUNKS_IN_FLIGHT,
        write: (table, chunk) => table.bulkAdd(chunk),
        onProgress: options.onProgress,
      });
      const counts = { packId, entities: rows.entities.length, articles: articleCount };
      return existing
        ? ({ status: 'updated', previousVersion: existing.version, ...counts } as const)
        : ({ status: 'installed', ...counts } as const);
    }, { changed: (result) => result.status !== 'already-installed' });
  } catch (error) {
    throw withTransactionCause(error, idbTransaction);
  }
}

/** Turns a pack's highlighting on or off; its articles stay searchable. */
export async function setPackEnabled(db: BackstoryDatabase, packId: string, enabled: boolean): Promise<void> {
  await writeLibrary(db, [db.packs], () => db.packs.update(packId, { enabled }), { changed: (updated) => updated > 0 });
}

/** Deletes a pack's entities and articles (their mentions with them); the caller holds the transaction. */
async function deletePackContent(db: BackstoryDatabase, packId: string): Promise<void> {
  await rowsOfPack(db.entities, packId).delete();
  await rowsOfPack(db.articles, packId).delete();
}

/** Rows of several tables, written chunk by chunk (see {@link writeInChunks}). */
export interface ChunkedWrite {
  tables: ReadonlyArray<{ table: Table<any, any>; rows: Iterable<unknown> }>;
  /** Rows of all tables together, for progress. */
  total: number;
  chunkRows: number;
  /** Chunks sent to IndexedDB before the first of them is done. */
  inFlight: number;
  /** Writes one chunk (in the caller's transaction, or in one of its own). */
  write: (table: Table<any, any>, chunk: unknown[]) => Promise<unknown>;
  onProgress?: (progress: WriteProgress) => void;
}

/**
 * Writes rows table after table in chunks, a few in flight, with progress after each
 * chunk: the one chunked writer of a pack's rows, in one transaction or staged.
 */
export async function writeInChunks(job: ChunkedWrite): Promise<void> {
  const progress = { done: 0, total: job.total };
  const inFlight: Array<Promise<unknown>> = [];
  const chunks = tableChunks(job.tables, job.chunkRows)[Symbol.iterator]();
  try {
    for (let next = chunks.next(); !next.done; ) {
      const { table, chunk } = next.value;
      const written = job.write(table, chunk).then(() => {
        progress.done += chunk.length;
        job.onProgress?.({ ...progress });
      });
      // Awaited below; this only keeps a failure of a later chunk from being reported as unhandled.
      written.catch(() => undefined);
      inFlight.push(written);
      // The next chunk is built while the database stores this one (it works in another process).
      next = chunks.next();
      if (inFlight.length >= job.inFlight) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Chunks in their own transactions may still be running: the caller cleans up after them, not beside them.
    await Promise.allSettled(inFlight);
    throw error;
  }
}

/** Each table's rows in chunks, in order, each built only when asked for. */
function* tableChunks(tables: ChunkedWrite['tables'], size: number): Generator<{ table: Table<any, any>; chunk: unknown[] }> {
  for (const { table, rows } of tables) for (const chunk of chunksOf(rows, size)) yield { table, chunk };
}

/** `items` in arrays of `size`, each taken only when asked for (so streamed rows are built just in time). */
function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
