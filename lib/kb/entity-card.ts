import Dexie from 'dexie';
import type { BackstoryDatabase } from '../db/database';
import type { EntityRow, MentionRow } from '../db/rows';
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
  /** Co-mentioned in the same articles, most shared first. */
  related: RelatedEntity[];
}

export interface EntityCardOptions {
  articleLimit?: number;
  relatedLimit?: number;
}

const DEFAULT_ARTICLE_LIMIT = 3;
const DEFAULT_RELATED_LIMIT = 5;

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
  const byDate = db.mentions
    .where('[entityKey+date]')
    .between([entity.key, Dexie.minKey], [entity.key, Dexie.maxKey]);
  const [pack, newest, articleCount, allMentions] = await Promise.all([
    db.packs.get(entity.packId),
    byDate.clone().reverse().limit(articleLimit).toArray(),
    byDate.clone().count(),
    byDate.clone().toArray(),
  ]);
  const articleRows = await db.articles.bulkGet(newest.map((m) => m.articleKey));
  const articles: CardArticle[] = [];
  newest.forEach((mention, i) => {
    const article = articleRows[i];
    if (!article) return;
    articles.push({
      key: article.key,
      headline: article.headline,
      publisher: article.publisher,
      datePublished: article.datePublished,
      url: article.url,
      sentence: mention.sentence,
    });
  });
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
    related: await relatedEntities(db, entity.key, allMentions, options.relatedLimit ?? DEFAULT_RELATED_LIMIT),
  };
}

async function relatedEntities(
  db: BackstoryDatabase,
  entityKey: string,
  mentions: readonly MentionRow[],
  limit: number,
): Promise<RelatedEntity[]> {
  const coMentions = await db.mentions
    .where('articleKey')
    .anyOf(mentions.map((m) => m.articleKey))
    .toArray();
  const counts = new Map<string, number>();
  for (const m of coMentions) {
    if (m.entityKey !== entityKey) counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  const rows = await db.entities.bulkGet(top.map(([key]) => key));
  return rows.flatMap((row) => (row ? [{ key: row.key, name: row.name, type: row.type }] : []));
}
