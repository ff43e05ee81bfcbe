import type { BackstoryDatabase } from '../db/database';
import type { MetaRow } from '../db/rows';
import type { PackRows } from './pack-to-rows';
import { removePack, writePackRows } from './install-pack';
import { rowsOfPack } from './keys';
import { writeLibrary } from './write-library';
import { forgetFeedRecord, saveFeed, type FeedRecord } from '../feeds/feed-store';
import { dailyCheckKey, updateStateKey } from './pack-updates';
import { wikidataRefreshKey } from './wikidata-packs';

/** What Backstory keeps about one pack beside its rows: they leave with the pack, and an undo brings them back. */
const packMetaKeys = (packId: string) => [updateStateKey(packId), dailyCheckKey(packId), wikidataRefreshKey(packId)];

/** A removed pack's rows, and the followed feed it was, if it was one (removing its pack unfollows it). */
export interface RemovedPack extends PackRows {
  feed?: FeedRecord;
  /** The pack's update state and the user's choices for it (daily check, refresh interval). */
  meta?: MetaRow[];
}

/**
 * Removes a pack and returns every row it had, so that an undo can put back exactly
 * what was there (mention sentences, enabled state and dates included).
 * Undefined when no such pack is installed.
 */
export async function removePackWithUndo(db: BackstoryDatabase, packId: string): Promise<RemovedPack | undefined> {
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return undefined;
    const [entities, articles] = await Promise.all([rowsOfPack(db.entities, packId).toArray(), rowsOfPack(db.articles, packId).toArray()]);
    const metaKeys = packMetaKeys(packId);
    const meta = (await db.meta.bulkGet(metaKeys)).filter((row): row is MetaRow => row !== undefined);
    await removePack(db, packId);
    await db.meta.bulkDelete(metaKeys);
    // A feed's pack gone, the feed is no longer followed (else its next fetch would bring the pack back).
    const feed = await forgetFeedRecord(db, packId);
    return { pack, entities, articles, feed, meta };
  }, { changed: (rows) => rows !== undefined });
}

/** Puts back a pack removed by {@link removePackWithUndo}, in one transaction. */
export async function undoRemovePack(db: BackstoryDatabase, rows: RemovedPack): Promise<void> {
  const { feed, meta, ...packRows } = rows;
  // `replace`: if the same pack was imported again in the meantime, the undo wins, as asked.
  await writePackRows(db, packRows, { replace: true });
  if (feed) await saveFeed(db, feed);
  if (meta?.length) await db.meta.bulkPut(meta);
}
