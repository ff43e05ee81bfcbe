import type { BackstoryDatabase } from '../db/database';
import { mentionIndexRange } from '../db/article-mention-keys';
import type { ArticleRow, EntityRow } from '../db/rows';
import { withEdit } from './entity-edits';

export interface CardArticle {
  key: string;
  headline: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
  /** The sentence where the article mentions the entity. */
  sentence: string;
}

export interface RelatedEntity {
  key: string;
  name: string;
  type: string;
}

/** Everything the popover shows for one entity. Plain data: rendered as text only. */
export interface EntityCard {
  key: string;
  name: string;
  type: string;
  description?: string;
  alternateName: string[];
  url?: string;
  packName: string;
  /** Newest first, at most `articleLimit`. */
  articles: CardArticle[];
  /** How many stored articles mention the entity in all. */
  articleCount: number;
  /** Co-mentioned in the same articles (the newest {@link RELATED_FROM_ARTICLES}), most shared first. */
  related: RelatedEntity[];
}

export interface EntityCardOptions {
  articleLimit?: number;
  relatedLimit?: number;
}

const DEFAULT_ARTICLE_LIMIT = 3;
const DEFAULT_RELATED_LIMIT = 5;
/**
 * Related names come from this many of the entity's newest articles: recent company,
 * and a hover on a name in thousands of articles reads a few dozen rows, not all.
 */
export const RELATED_FROM_ARTICLES = 50;

/** The cards of the given entities, in the given order; unknown keys are skipped. */
export async function getEntityCards(
  db: BackstoryDatabase,
  keys: readonly string[],
  options: EntityCardOptions = {},
): Promise<EntityCard[]> {
  const [entities, edits] = await Promise.all([db.entities.bulkGet([...keys]), db.entityEdits.bulkGet([...keys])]);
  const cards: EntityCard[] = [];
  for (const [i, entity] of entities.entries()) {
    // The user's edits (aliases, description) show on the card too.
    if (entity) cards.push(await buildCard(db, withEdit(entity, edits[i]), options));
  }
  return cards;
}

async function buildCard(db: BackstoryDatabase, entity: EntityRow, options: EntityCardOptions): Promise<EntityCard> {
  const articleLimit = options.articleLimit ?? DEFAULT_ARTICLE_LIMIT;
  const [lower, upper] = mentionIndexRange(entity.key);
  const byDate = db.articles.where('mentionIndex').between(lower, upper, true, true);
  const [pack, newest, articleCount] = await Promise.all([
    db.packs.get(entity.packId),
    byDate.clone().reverse().limit(Math.max(articleLimit, RELATED_FROM_ARTICLES)).toArray(),
    byDate.clone().count(),
  ]);
  const articles: CardArticle[] = newest.slice(0, articleLimit).map((article) => ({
    key: article.key,
    headline: article.headline,
    publisher: article.publisher,
    datePublished: article.datePublished,
    url: article.url,
    sentence: article.entityMentions.find((m) => m.entityKey === entity.key)?.sentence ?? article.headline,
  }));
  return {
    key: entity.key,
    name: entity.name,
    type: entity.type,
    description: entity.description,
    alternateName: entity.alternateName,
    url: entity.url,
    packName: pack?.name ?? entity.packId,
    articles,
    articleCount,
    related: await relatedEntities(db, entity.key, newest.slice(0, RELATED_FROM_ARTICLES), options.relatedLimit ?? DEFAULT_RELATED_LIMIT),
  };
}

async function relatedEntities(
  db: BackstoryDatabase,
  entityKey: string,
  articles: readonly ArticleRow[],
  limit: number,
): Promise<RelatedEntity[]> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const m of article.entityMentions) {
      if (m.entityKey !== entityKey) counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  const rows = await db.entities.bulkGet(top.map(([key]) => key));
  return rows.flatMap((row) => (row ? [{ key: row.key, name: row.name, type: row.type }] : []));
}
