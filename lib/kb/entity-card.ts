import type { BackstoryDatabase } from '../db/database';
import { mentionIndexRange } from '../db/article-mention-keys';
import type { ArticleRow, EntityRow } from '../db/rows';
import { sameEntityGroups } from './same-entities';

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
  /** Entities of other packs merged into this card: the same `sameAs` URL. */
  sameKeys?: string[];
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

/**
 * The cards of the given entities, in the given order; unknown keys are skipped. An
 * entity that other enabled packs also describe (the same `sameAs` URL, e.g. its
 * Wikidata URI) gets one card with the articles of all of them (same-entities.ts).
 */
export async function getEntityCards(
  db: BackstoryDatabase,
  keys: readonly string[],
  options: EntityCardOptions = {},
): Promise<EntityCard[]> {
  const groups = await sameEntityGroups(db, keys);
  const cards: EntityCard[] = [];
  for (const group of groups) cards.push(await buildCard(db, group, options));
  return cards;
}

async function buildCard(db: BackstoryDatabase, group: readonly EntityRow[], options: EntityCardOptions): Promise<EntityCard> {
  const entity = group[0] as EntityRow;
  const articleLimit = options.articleLimit ?? DEFAULT_ARTICLE_LIMIT;
  const wanted = Math.max(articleLimit, RELATED_FROM_ARTICLES);
  const parts = await Promise.all(
    group.map(async (member) => {
      const [lower, upper] = mentionIndexRange(member.key);
      const byDate = db.articles.where('mentionIndex').between(lower, upper, true, true);
      const [pack, newest, count] = await Promise.all([
        db.packs.get(member.packId),
        byDate.clone().reverse().limit(wanted).toArray(),
        byDate.clone().count(),
      ]);
      return { member, packName: pack?.name ?? member.packId, newest, count };
    }),
  );
  const keys = new Set(group.map((member) => member.key));
  // Newest first across the packs, as each pack's list already is.
  const newest = parts
    .flatMap((part) => part.newest)
    .toSorted((a, b) => (b.sortDate ?? '').localeCompare(a.sortDate ?? ''))
    .slice(0, wanted);
  const articles: CardArticle[] = newest.slice(0, articleLimit).map((article) => ({
    key: article.key,
    headline: article.headline,
    publisher: article.publisher,
    datePublished: article.datePublished,
    url: article.url,
    sentence: article.entityMentions.find((m) => keys.has(m.entityKey))?.sentence ?? article.headline,
  }));
  return {
    key: entity.key,
    ...(group.length > 1 ? { sameKeys: group.slice(1).map((member) => member.key) } : {}),
    name: entity.name,
    type: entity.type,
    description: group.find((member) => member.description)?.description,
    alternateName: [...new Set(group.flatMap((member) => member.alternateName))],
    url: group.find((member) => member.url)?.url,
    packName: [...new Set(parts.map((part) => part.packName))].join(', '),
    articles,
    articleCount: parts.reduce((sum, part) => sum + part.count, 0),
    related: await relatedEntities(db, keys, newest.slice(0, RELATED_FROM_ARTICLES), options.relatedLimit ?? DEFAULT_RELATED_LIMIT),
  };
}

async function relatedEntities(
  db: BackstoryDatabase,
  own: ReadonlySet<string>,
  articles: readonly ArticleRow[],
  limit: number,
): Promise<RelatedEntity[]> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const m of article.entityMentions) {
      if (!own.has(m.entityKey)) counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  const rows = await db.entities.bulkGet(top.map(([key]) => key));
  return rows.flatMap((row) => (row ? [{ key: row.key, name: row.name, type: row.type }] : []));
}
