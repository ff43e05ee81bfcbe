import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow, EntityRow } from '../db/rows';
import type { Pack, PackArticle, PackEntity } from '../pack/schema';
import { rowsOfPack } from './keys';

/**
 * A stored pack as a pack file again, unknown properties included (rows keep them in
 * `extra`), so the file passes `validatePack` and re-imports to the same rows.
 * Undefined when no such pack is installed.
 */
export async function exportPack(db: BackstoryDatabase, packId: string): Promise<Pack | undefined> {
  return db.transaction('r', [db.packs, db.entities, db.articles], async () => {
    const row = await db.packs.get(packId);
    if (!row) return undefined;
    const [entities, articles] = await Promise.all([
      rowsOfPack(db.entities, packId).toArray(),
      rowsOfPack(db.articles, packId).toArray(),
    ]);
    return {
      ...row.original,
      entities: entities.map(packEntity),
      articles: articles.map(packArticle),
    } as unknown as Pack;
  });
}

/** The pack-file entity a row was made from (lib/kb/pack-to-rows.ts, the other way). */
function packEntity(row: EntityRow): PackEntity {
  return withoutEmpty({
    id: row.id,
    name: row.name,
    type: row.type,
    alternateName: row.alternateName,
    description: row.description,
    sameAs: row.sameAs,
    url: row.url,
    ...row.extra,
  }) as PackEntity;
}

/** The pack-file article a row was made from; `mentions` stays absent when the pack left them to the matcher. */
function packArticle(row: ArticleRow): PackArticle {
  const article = withoutEmpty({
    id: row.id,
    headline: row.headline,
    url: row.url,
    author: row.author,
    publisher: row.publisher,
    datePublished: row.datePublished,
    inLanguage: row.inLanguage,
    description: row.description,
    articleBody: row.articleBody,
    about: row.about,
    keywords: row.keywords,
    ...row.extra,
  });
  // Kept even when empty: `mentions: []` says "none", its absence "find them".
  return (row.mentions ? { ...article, mentions: row.mentions } : article) as PackArticle;
}

/** Drops undefined values and empty lists, which a row holds where the pack had nothing. */
function withoutEmpty(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/** A pack file's suggested name: `ID-VERSION.pack.json`, safe on every file system. */
export function packFileName(pack: { id: string; version: string }): string {
  return `${pack.id}-${pack.version}.pack.json`.replace(/[^\w.-]+/gu, '_');
}
