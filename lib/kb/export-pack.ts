import type { BackstoryDatabase } from '../db/database';
import type { Pack } from '../pack/schema';

/**
 * A stored pack as a pack file again: every row's `original` (unknown properties
 * included), so the file passes `validatePack` and re-imports to the same rows.
 * Undefined when no such pack is installed.
 */
export async function exportPack(db: BackstoryDatabase, packId: string): Promise<Pack | undefined> {
  return db.transaction('r', [db.packs, db.entities, db.articles], async () => {
    const row = await db.packs.get(packId);
    if (!row) return undefined;
    const [entities, articles] = await Promise.all([
      db.entities.where('packId').equals(packId).toArray(),
      db.articles.where('packId').equals(packId).toArray(),
    ]);
    return {
      ...row.original,
      entities: entities.map((e) => e.original),
      articles: articles.map((a) => a.original),
    } as unknown as Pack;
  });
}

/** A pack file's suggested name: `ID-VERSION.pack.json`, safe on every file system. */
export function packFileName(pack: { id: string; version: string }): string {
  return `${pack.id}-${pack.version}.pack.json`.replace(/[^\w.-]+/gu, '_');
}
