import type { BackstoryDatabase } from '../db/database';
import type { PackRows } from './pack-to-rows';
import { removePack, writePackRows } from './install-pack';
import { rowsOfPack } from './keys';
import { writeLibrary } from './write-library';
import { forgetFeedRecord, saveFeed, type FeedRecord } from '../feeds/feed-store';

/** A removed pack's rows, and the followed feed it was, if it was one (removing its pack unfollows it). */
export interface RemovedPack extends PackRows {
  feed?: FeedRecord;
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
    await removePack(db, packId);
    // A feed's pack gone, the feed is no longer followed (else its next fetch would bring the pack back).
    const feed = await forgetFeedRecord(db, packId);
    return { pack, entities, articles, feed };
  }, { changed: (rows) => rows !== undefined });
}

/** Puts back a pack removed by {@link removePackWithUndo}, in one transaction. */
export async function undoRemovePack(db: BackstoryDatabase, rows: RemovedPack): Promise<void> {
  const { feed, ...packRows } = rows;
  // `replace`: if the same pack was imported again in the meantime, the undo wins, as asked.
  await writePackRows(db, packRows, { replace: true });
  if (feed) await saveFeed(db, feed);
}
