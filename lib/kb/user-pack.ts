/**
 * Entities the user creates by hand, and deleting single articles. Hand-made entities
 * go into the user's own pack, "My articles" (lib/kb/my-articles.ts saves articles
 * into it); it is created on first use and exported, backed up and removed like any pack.
 */
import type { BackstoryDatabase } from '../db/database';
import type { EntityType, PackEntity } from '../pack/schema';
import { slugify } from '../pack/slug';
import { MY_ARTICLES_PACK_ID, freeId, myArticlesPack, putPackRow } from './my-articles';
import { rowsOfPack } from './keys';
import { dropRemovedRows } from './removed-packs';
import { packToRows } from './pack-to-rows';
import { writeLibrary } from './write-library';

const MAX_ID_CHARS = 64;

export interface NewEntity {
  name: string;
  type: EntityType;
  alternateName: string[];
  description?: string;
}

/** Adds an entity by hand to the user's pack; it is highlighted on pages from now on. Returns its key. */
export async function addUserEntity(db: BackstoryDatabase, entity: NewEntity, now = Date.now()): Promise<string> {
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    await dropRemovedRows(db, MY_ARTICLES_PACK_ID);
    const own = await rowsOfPack(db.entities, MY_ARTICLES_PACK_ID).toArray();
    const packEntity: PackEntity = {
      id: freeId(slugify(entity.name, MAX_ID_CHARS) || 'entity', own),
      name: entity.name.trim(),
      type: entity.type,
      ...(entity.alternateName.length ? { alternateName: entity.alternateName } : {}),
      ...(entity.description ? { description: entity.description } : {}),
    };
    const rows = packToRows(myArticlesPack([], [packEntity]), { source: { kind: 'user' }, now });
    const existing = await db.packs.get(MY_ARTICLES_PACK_ID);
    await putPackRow(db, rows.pack, { entities: own.length + 1, articles: existing?.articleCount ?? 0, now });
    await db.entities.bulkAdd(rows.entities);
    return rows.entities[0]!.key;
  });
}

/** Deletes one article (of any pack), its mentions with it; the pack's count follows. */
export async function deleteArticle(db: BackstoryDatabase, key: string): Promise<boolean> {
  return (await deleteArticles(db, [key])) > 0;
}

/** Deletes some articles (of any packs) in one transaction; the packs' counts follow. Returns how many there were. */
export async function deleteArticles(db: BackstoryDatabase, keys: readonly string[]): Promise<number> {
  return writeLibrary(db, [db.packs, db.articles], async () => {
    const found = (await db.articles.bulkGet([...keys])).filter((row) => row !== undefined);
    await db.articles.bulkDelete(found.map((row) => row.key));
    const perPack = new Map<string, number>();
    for (const row of found) perPack.set(row.packId, (perPack.get(row.packId) ?? 0) + 1);
    for (const [packId, count] of perPack) {
      const pack = await db.packs.get(packId);
      if (pack) await db.packs.update(packId, { articleCount: Math.max(0, pack.articleCount - count) });
    }
    return found.length;
  }, { changed: (deleted) => deleted > 0 });
}
