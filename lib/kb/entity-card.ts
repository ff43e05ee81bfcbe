import type { BackstoryDatabase } from '../db/database';
import { mentionIndexRange } from '../db/article-mention-keys';
import type { ArticleRow, EntityRow } from '../db/rows';
import { sameEntityGroups } from './same-entities';
import { lifeDates, type DatedFacts } from '../text/life-dates';
import { safeHttpUrl } from '../text/safe-url';
import { rowKey } from './keys';

export interface CardArticle {
  key: string;
  headline: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
  /** The sentence where the article mentions the entity. */
  sentence: string;
}

/** A link out of the card: followed only when the reader clicks it, never fetched. */
export interface CardLink {
  label: 'Wikidata' | 'Wikipedia' | 'Picture';
  url: string;
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
  /** "born 1957", "1949–1991", "founded 1976" (lib/text/life-dates.ts). */
  dates?: string;
  /** Wikidata and Wikipedia (from `sameAs`) and the picture (`image`): http(s) only. */
  links?: CardLink[];
  /** Orders the candidates of a shared name, highest first (Wikidata: sitelinks). */
  popularity?: number;
  /** Keys of the entities this one belongs to (the pack's `related`: country, party): context on a page. */
  belongsTo?: string[];
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
  // The candidates of a shared name, best known first (a stable sort keeps the rest as asked).
  return cards.sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
}

/** Wikidata, Wikipedia and picture links of an entity, in that order, each at most once. */
function cardLinks(group: readonly EntityRow[]): CardLink[] {
  const links: CardLink[] = [];
  const add = (label: CardLink['label'], url: unknown) => {
    const safe = typeof url === 'string' ? safeHttpUrl(url) : undefined;
    if (safe && !links.some((link) => link.label === label)) links.push({ label, url: safe });
  };
  const sameAs = group.flatMap((member) => member.sameAs);
  for (const url of sameAs) if (/^https?:\/\/(www\.)?wikidata\.org\//u.test(url)) add('Wikidata', url);
  for (const url of sameAs) if (/^https?:\/\/[a-z-]+\.(m\.)?wikipedia\.org\//u.test(url)) add('Wikipedia', url);
  for (const member of group) add('Picture', member.extra?.image);
  return links;
}

/** The facts a pack keeps beside the row's own fields (dates, popularity, related), from the first member that has each. */
function extraFacts(group: readonly EntityRow[]): Pick<EntityCard, 'dates' | 'popularity' | 'belongsTo'> {
  const extra = (name: string) => group.map((member) => member.extra?.[name]).find((value) => value !== undefined);
  const facts: DatedFacts = {};
  for (const name of ['birthDate', 'deathDate', 'foundingDate', 'dissolutionDate', 'startDate', 'endDate'] as const) {
    const value = extra(name);
    if (typeof value === 'string') facts[name] = value;
  }
  const popularity = extra('popularity');
  const belongsTo = group.flatMap((member) => {
    const related = member.extra?.related;
    const ids = typeof related === 'string' ? [related] : Array.isArray(related) ? related : [];
    return ids.filter((id): id is string => typeof id === 'string').map((id) => rowKey(member.packId, id));
  });
  const dates = lifeDates(facts);
  return {
    ...(dates ? { dates } : {}),
    ...(typeof popularity === 'number' ? { popularity } : {}),
    ...(belongsTo.length > 0 ? { belongsTo } : {}),
  };
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
  const links = cardLinks(group);
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
    ...extraFacts(group),
    ...(links.length > 0 ? { links } : {}),
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
