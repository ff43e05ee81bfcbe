/**
 * Importing an exported "My articles" file: its articles and entities join the user's
 * own "My articles", which is never replaced as a whole. The file's pack id only says
 * where the items go; its name, version and description are not taken.
 */
import { withMentions } from '../db/article-mention-keys';
import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow, EntityRow } from '../db/rows';
import type { Pack, PackArticle, PackEntity } from '../pack/schema';
import { foldText } from '../text/fold';
import { comparableUrl } from '../text/safe-url';
import { rowsOfPack } from './keys';
import { dropRemovedRows } from './removed-packs';
import { MY_ARTICLES_PACK_ID, freeId, libraryMatcher, mentionsFound, myArticlesPack, putPackRow } from './my-articles';
import { packToRows } from './pack-to-rows';
import { writeLibrary } from './write-library';

export interface MergeResult {
  status: 'merged';
  packId: typeof MY_ARTICLES_PACK_ID;
  /** Entities and articles added. */
  entities: number;
  articles: number;
  /** Articles left out because "My articles" already has them (same address, or same headline and date). */
  alreadyThere: number;
}

/**
 * Adds a validated "My articles" file to the user's own, in one transaction. An entity
 * named like one the user has is that entity; an article already there is left as it
 * is. Items get free ids where the file's are taken; the file's `about` and `mentions`
 * follow them. Articles that leave their mentions to the matcher are matched against the
 * whole library, as a saved article is.
 */
export async function mergeIntoMyArticles(db: BackstoryDatabase, pack: Pack, now: number): Promise<MergeResult> {
  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    await dropRemovedRows(db, MY_ARTICLES_PACK_ID);
    const ownEntities = await rowsOfPack(db.entities, MY_ARTICLES_PACK_ID).toArray();
    const ownArticles = await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).toArray();
    const { entities, idOf } = placeEntities(pack.entities, ownEntities);
    const articles = placeArticles(pack.articles, ownArticles, idOf);

    const rows = packToRows(myArticlesPack(articles, entities), { source: { kind: 'user' }, now });
    const matcher = await libraryMatcher(db, rows.entities);
    const articleRows = rows.articles.map((row) => (row.mentions ? row : withLibraryMentions(row, mentionsFound(row, matcher))));

    await db.entities.bulkAdd(rows.entities);
    await db.articles.bulkAdd(articleRows);
    await putPackRow(db, rows.pack, { entities: ownEntities.length + rows.entities.length, articles: ownArticles.length + articleRows.length, now });
    return {
      status: 'merged',
      packId: MY_ARTICLES_PACK_ID,
      entities: rows.entities.length,
      articles: articleRows.length,
      alreadyThere: pack.articles.length - articles.length,
    } as const;
  });
}

/** New entities with free ids; the file's id of each entity → its id in "My articles". */
function placeEntities(fileEntities: readonly PackEntity[], own: readonly EntityRow[]): { entities: PackEntity[]; idOf: Map<string, string> } {
  const byName = new Map(own.map((e) => [foldText(e.name), e.id]));
  const taken = own.map((e) => ({ id: e.id }));
  const idOf = new Map<string, string>();
  const entities: PackEntity[] = [];
  for (const entity of fileEntities) {
    const existing = byName.get(foldText(entity.name));
    if (existing) {
      idOf.set(entity.id, existing);
      continue;
    }
    const id = freeId(entity.id, taken);
    taken.push({ id });
    byName.set(foldText(entity.name), id);
    idOf.set(entity.id, id);
    entities.push({ ...entity, id });
  }
  return { entities, idOf };
}

/** The file's articles that "My articles" lacks, with free ids and their entity ids followed. */
function placeArticles(fileArticles: readonly PackArticle[], own: readonly ArticleRow[], idOf: ReadonlyMap<string, string>): PackArticle[] {
  const seen = new Set(own.map(sameArticleKey));
  const taken = own.map((a) => ({ id: a.id }));
  const placed: PackArticle[] = [];
  for (const article of fileArticles) {
    const key = sameArticleKey(article);
    if (seen.has(key)) continue;
    seen.add(key);
    const id = freeId(article.id, taken);
    taken.push({ id });
    const follow = (ids: readonly string[]) => ids.map((entityId) => idOf.get(entityId) ?? entityId);
    placed.push({
      ...article,
      id,
      ...(article.about ? { about: follow(article.about) } : {}),
      ...(article.mentions ? { mentions: follow(article.mentions) } : {}),
    } as PackArticle);
  }
  return placed;
}

/** Two copies of one article: the same address, or without one, the same headline and date. */
function sameArticleKey(article: { url?: string; headline: string; datePublished?: string }): string {
  return comparableUrl(article.url) ?? `${foldText(article.headline)}\u0000${article.datePublished ?? ''}`;
}

/** The declared `about` entities kept, and what the library's matcher finds added. */
function withLibraryMentions(row: ArticleRow, found: ReturnType<typeof mentionsFound>): ArticleRow {
  const about = row.entityMentions.filter((m) => m.role === 'about');
  const aboutKeys = new Set(about.map((m) => m.entityKey));
  return withMentions(row, [...about, ...found.filter((m) => !aboutKeys.has(m.entityKey))]);
}
