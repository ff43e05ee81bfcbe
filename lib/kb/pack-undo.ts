import type { BackstoryDatabase } from '../db/database';
import type { PackRows } from './pack-to-rows';
import { removePack, writePackRows } from './install-pack';
import { rowsOfPack } from './keys';
import { writeLibrary } from './write-library';

/**
 * Removes a pack and returns every row it had, so that an undo can put back exactly
 * what was there (mention sentences, enabled state and dates included).
 * Undefined when no such pack is installed.
 */
export async function removePackWithUndo(db: BackstoryDatabase, packId: string): Promise<PackRows | undefined> {
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return undefined;
    const [entities, articles] = await Promise.all([rowsOfPack(db.entities, packId).toArray(), rowsOfPack(db.articles, packId).toArray()]);
    await removePack(db, packId);
    return { pack, entities, articles };
  }, { changed: (rows) => rows !== undefined });
}

/** Puts back a pack removed by {@link removePackWithUndo}, in one transaction. */
export async function undoRemovePack(db: BackstoryDatabase, rows: PackRows): Promise<void> {
  // `replace`: if the same pack was imported again in the meantime, the undo wins, as asked.
  await writePackRows(db, rows, { replace: true });
}
