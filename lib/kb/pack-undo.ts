import type { BackstoryDatabase } from '../db/database';
import type { MetaRow, PackRow } from '../db/rows';
import { signalTablesChanged } from '../db/add-rows';
import { writeLibrary } from './write-library';
import { forgetFeedRecord, saveFeed, type FeedRecord } from '../feeds/feed-store';
import { dailyCheckKey, updateStateKey } from './pack-updates';
import { wikidataRefreshKey } from './wikidata-packs';
import { removedPackRecord, removedRecordKey, type RemovedPackRecord } from './removed-packs';

/** What Backstory keeps about one pack beside its rows: they leave with the pack, and an undo brings them back. */
const packMetaKeys = (packId: string) => [updateStateKey(packId), dailyCheckKey(packId), wikidataRefreshKey(packId)];

/** A pack just removed, for its Undo: the pack as it was, and the followed feed it was, if it was one. */
export interface RemovedPack {
  pack: PackRow;
  feed?: FeedRecord;
  removedAt: number;
}

/** What an Undo did: put the pack back, or not because it was installed again since, or because its rows are gone. */
export type UndoOutcome = 'restored' | 'added-again' | 'gone';

/**
 * Removes a pack in one short transaction, however big: the pack row, its settings and
 * its feed go, its rows stay unseen until {@link purgeRemovedPack} deletes them
 * (lib/kb/removed-packs.ts). Undefined when no such pack is installed.
 */
export async function removePackWithUndo(db: BackstoryDatabase, packId: string, now = Date.now()): Promise<RemovedPack | undefined> {
  const removed = await writeLibrary(db, [db.packs], async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return undefined;
    const metaKeys = packMetaKeys(packId);
    const meta = (await db.meta.bulkGet(metaKeys)).filter((row): row is MetaRow => row !== undefined);
    await db.packs.delete(packId);
    await db.meta.bulkDelete(metaKeys);
    // A feed's pack gone, the feed is no longer followed (else its next fetch would bring the pack back).
    const feed = await forgetFeedRecord(db, packId);
    const record: RemovedPackRecord = { pack, meta, ...(feed ? { feed } : {}), removedAt: now };
    await db.meta.put({ key: removedRecordKey(packId), value: record });
    return { pack, ...(feed ? { feed } : {}), removedAt: now };
  }, { changed: (rows) => rows !== undefined });
  // Live queries that read rows without `packs` learn they are gone (no row of theirs was written).
  if (removed) signalTablesChanged(db, [db.entities.name, db.articles.name]);
  return removed;
}

/**
 * Puts back a pack removed by {@link removePackWithUndo}, in one short transaction: its
 * rows never left. Not when a pack of that id was installed since (that one stays), nor
 * once its rows are being deleted.
 */
export async function undoRemovePack(db: BackstoryDatabase, removed: RemovedPack): Promise<UndoOutcome> {
  const packId = removed.pack.id;
  const outcome = await writeLibrary(db, [db.packs], async (): Promise<UndoOutcome> => {
    const record = await removedPackRecord(db, packId);
    if ((await db.packs.get(packId)) || (record && record.removedAt !== removed.removedAt)) return 'added-again';
    if (!record || record.purging) return 'gone';
    await db.packs.add(record.pack);
    if (record.meta.length) await db.meta.bulkPut(record.meta);
    if (record.feed) await saveFeed(db, record.feed);
    await db.meta.delete(removedRecordKey(packId));
    return 'restored';
  }, { changed: (result) => result === 'restored' });
  if (outcome === 'restored') signalTablesChanged(db, [db.entities.name, db.articles.name]);
  return outcome;
}

/** What the user reads when an Undo did not put the pack back. */
export function undoRefusal(name: string, outcome: Exclude<UndoOutcome, 'restored'>): string {
  return outcome === 'added-again' ? `${name} was added again since; nothing to undo.` : `${name} can no longer be restored: its rows are deleted.`;
}
