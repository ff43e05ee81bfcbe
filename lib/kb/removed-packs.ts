/**
 * A removed pack is hidden at once and its rows deleted later: the mirror of a staged
 * import (lib/kb/staged-pack.ts). Removing deletes only the pack row (and what is kept
 * beside it), so readers, which skip rows whose pack has no row in `packs`, stop seeing
 * its entities and articles in one short transaction; a record in `meta`
 * (`removedPack/<id>`) keeps what Undo puts back. The rows are deleted afterwards, a
 * chunk per short transaction, when the Undo offer ends, or at the next start for
 * records older than {@link REMOVED_PACK_KEPT_MS}. Deleting 500,000 rows in the removing
 * transaction kept every hover and search waiting for more than 30 s.
 *
 * Rows must never come back: whatever creates a pack row first calls
 * {@link dropRemovedRows} (inside its transaction) or {@link purgeRemovedPack} (before a
 * staged import), and a restore forgets every record ({@link forgetRemovedPacks}).
 */
import type { Table } from 'dexie';
import type { BackstoryDatabase } from '../db/database';
import type { MetaRow, PackRow } from '../db/rows';
import type { FeedRecord } from '../feeds/feed-store';
import { rowsOfPack } from './keys';
import { writeUnseenRows } from './write-library';

const REMOVED_RECORD_PREFIX = 'removedPack/';

/**
 * How old a record must be for the next start to delete its rows: longer than any Undo
 * offer (10 s on the options page, 15 s for the popup's Unfollow), so that a service
 * worker restarting meanwhile does not take an offer away.
 */
export const REMOVED_PACK_KEPT_MS = 60_000;

/** Rows deleted per transaction: each short, so readers wait for at most one. */
const PURGE_CHUNK_ROWS = 5_000;

/** What Undo needs to put a removed pack back: everything but its rows, which stayed. */
export interface RemovedPackRecord {
  pack: PackRow;
  /** The pack's update state and the user's choices for it (daily check, refresh interval). */
  meta: MetaRow[];
  /** The followed feed it was, if it was one (removing its pack unfollows it). */
  feed?: FeedRecord;
  /** Epoch milliseconds; also tells this removal from a later one of the same id. */
  removedAt: number;
  /** Set when deleting the rows has begun: from then on Undo cannot put the pack back whole. */
  purging?: true;
}

export function removedRecordKey(packId: string): string {
  return REMOVED_RECORD_PREFIX + packId;
}

/** The record of a removed pack whose rows may still be there. */
export async function removedPackRecord(db: BackstoryDatabase, packId: string): Promise<RemovedPackRecord | undefined> {
  return (await db.meta.get(removedRecordKey(packId)))?.value as RemovedPackRecord | undefined;
}

/**
 * Deletes what a removed pack of this id left (its rows, its record) before a pack of
 * that id is written: the caller holds a transaction over packs, entities, articles and
 * meta. For small packs (the user's, a feed's); a large new pack is staged and calls
 * {@link purgeRemovedPack} first. An installed pack's rows are never touched.
 */
export async function dropRemovedRows(db: BackstoryDatabase, packId: string): Promise<void> {
  const key = removedRecordKey(packId);
  if (!(await db.meta.get(key))) return;
  if (!(await db.packs.get(packId))) {
    await rowsOfPack(db.entities, packId).delete();
    await rowsOfPack(db.articles, packId).delete();
  }
  await db.meta.delete(key);
}

/**
 * Deletes a removed pack's rows, a chunk per transaction, then its record. Returns false
 * when there was nothing to delete. Stops when the pack is installed again meanwhile
 * (its writer deleted the old rows and the record). `onStart` is called once there is
 * work to do (the import says "Clearing…").
 */
export async function purgeRemovedPack(db: BackstoryDatabase, packId: string, options: { chunkRows?: number; onStart?: () => void } = {}): Promise<boolean> {
  const key = removedRecordKey(packId);
  const chunkRows = Math.max(1, options.chunkRows ?? PURGE_CHUNK_ROWS);
  // Marked first: from here an Undo would put back a pack with rows missing, so it is refused.
  const started = await writeUnseenRows(db, [db.packs, db.meta], async () => {
    const record = await removedPackRecord(db, packId);
    if (!record) return false;
    if (await db.packs.get(packId)) {
      await db.meta.delete(key);
      return false;
    }
    await db.meta.put({ key, value: { ...record, purging: true } satisfies RemovedPackRecord });
    return true;
  });
  if (!started) return false;
  options.onStart?.();
  for (const table of [db.entities, db.articles] as Table[]) {
    for (;;) {
      const deleted = await writeUnseenRows(db, [table, db.packs, db.meta], async () => {
        if (!(await db.meta.get(key)) || (await db.packs.get(packId))) return 0;
        const keys = await rowsOfPack(table, packId).limit(chunkRows).primaryKeys();
        await table.bulkDelete(keys);
        return keys.length;
      });
      if (deleted === 0) break;
    }
  }
  await writeUnseenRows(db, [db.meta], () => db.meta.delete(key));
  return true;
}

/**
 * Deletes the rows of packs removed at or before `removedBy` (and of any whose deletion was
 * cut off): called when the background starts. Returns how many packs' rows it deleted.
 */
export async function purgeRemovedPacks(db: BackstoryDatabase, removedBy: number, options: { chunkRows?: number } = {}): Promise<number> {
  const records = await db.meta.where('key').startsWith(REMOVED_RECORD_PREFIX).toArray();
  let purged = 0;
  for (const { value } of records) {
    const record = value as RemovedPackRecord;
    if (record.removedAt > removedBy && !record.purging) continue;
    if (await purgeRemovedPack(db, record.pack.id, options)) purged++;
  }
  return purged;
}

/** Forgets every removal: a restore has just cleared every row. Call inside its transaction. */
export async function forgetRemovedPacks(db: BackstoryDatabase): Promise<void> {
  await db.meta.where('key').startsWith(REMOVED_RECORD_PREFIX).delete();
}
