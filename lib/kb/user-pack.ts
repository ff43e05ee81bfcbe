/**
 * Entities the user creates by hand, and deleting single articles. Hand-made entities
 * go into the user's own pack, "My articles" (lib/kb/my-articles.ts saves articles
 * into it); it is created on first use and exported, backed up and removed like any pack.
 */
import type { BackstoryDatabase } from '../db/database';
import type { PackRow } from '../db/rows';
import { bumpRevision } from '../db/revision';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type EntityType, type Pack, type PackEntity } from '../pack/schema';
import { slugify } from '../pack/slug';
import { rowKey } from './keys';
import { MY_ARTICLES_PACK_ID, MY_ARTICLES_PACK_NAME } from './my-articles';
import { packToRows } from './pack-to-rows';

const USER_PACK_VERSION = '1.0.0';
const MAX_ID_CHARS = 64;

function userPack(entities: PackEntity[]): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    pack: { id: MY_ARTICLES_PACK_ID, name: MY_ARTICLES_PACK_NAME, version: USER_PACK_VERSION, description: 'Pages you saved while reading, and the names you added.' },
    entities,
    articles: [],
  } as Pack;
}

/** An id not yet used in the user's pack: `base`, else `base-2`, `base-3`… */
async function freeId(db: BackstoryDatabase, table: 'entities', base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = `${base.slice(0, MAX_ID_CHARS - suffix.length)}${suffix}`;
    if (!(await db[table].get(rowKey(MY_ARTICLES_PACK_ID, id)))) return id;
  }
}

export interface NewEntity {
  name: string;
  type: EntityType;
  alternateName: string[];
  description?: string;
}

/** Adds an entity by hand to the user's pack; it is highlighted on pages from now on. Returns its key. */
export async function addUserEntity(db: BackstoryDatabase, entity: NewEntity, now = Date.now()): Promise<string> {
  const id = await freeId(db, 'entities', slugify(entity.name, MAX_ID_CHARS) || 'entity');
  const packEntity: PackEntity = {
    id,
    name: entity.name.trim(),
    type: entity.type,
    ...(entity.alternateName.length ? { alternateName: entity.alternateName } : {}),
    ...(entity.description ? { description: entity.description } : {}),
  };
  const rows = packToRows(userPack([packEntity]), { source: { kind: 'user' }, now });
  await db.transaction('rw', [db.packs, db.entities, db.meta], async () => {
    await upsertPackRow(db, rows.pack, { entities: 1 }, now);
    await db.entities.bulkAdd(rows.entities);
    await bumpRevision(db);
  });
  return rows.entities[0]!.key;
}

async function upsertPackRow(db: BackstoryDatabase, fresh: PackRow, added: { articles?: number; entities?: number }, now: number): Promise<void> {
  const existing = await db.packs.get(MY_ARTICLES_PACK_ID);
  const base = existing ?? { ...fresh, entityCount: 0, articleCount: 0 };
  await db.packs.put({
    ...base,
    updatedAt: now,
    entityCount: base.entityCount + (added.entities ?? 0),
    articleCount: base.articleCount + (added.articles ?? 0),
  });
}

/** Deletes one article (of any pack) and its mentions; the pack's count follows. */
export async function deleteArticle(db: BackstoryDatabase, key: string): Promise<boolean> {
  return db.transaction('rw', [db.packs, db.articles, db.mentions, db.meta], async () => {
    const article = await db.articles.get(key);
    if (!article) return false;
    await db.articles.delete(key);
    await db.mentions.where('articleKey').equals(key).delete();
    const pack = await db.packs.get(article.packId);
    if (pack) await db.packs.update(pack.id, { articleCount: Math.max(0, pack.articleCount - 1) });
    await bumpRevision(db);
    return true;
  });
}
