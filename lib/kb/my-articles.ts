/**
 * The user's own pack, "My articles": pages they saved while reading, and the entities
 * they accepted from them. Created on first use; exported and removed like any pack.
 */
import * as v from 'valibot';
import type { BackstoryDatabase } from '../db/database';
import { withMentions } from '../db/article-mention-keys';
import type { ArticleMention, ArticleRow, EntityRow, PackRow } from '../db/rows';
import { compileMatcher, type Matcher } from '../matcher';
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PackArticleSchema,
  PackEntitySchema,
  type EntityType,
  type Pack,
  type PackArticle,
  type PackEntity,
} from '../pack/schema';
import { slugify } from '../pack/slug';
import { formatPath, type PackIssue } from '../pack/validate';
import { rowKey, rowsOfPack, rowsOfPacks } from './keys';
import { dropRemovedRows } from './removed-packs';
import { entityPatterns } from './matcher-patterns';
import { firstSentences, packToRows } from './pack-to-rows';
import { foldText } from '../text/fold';
import { writeLibrary } from './write-library';

export const MY_ARTICLES_PACK_ID = 'my-articles';
export const MY_ARTICLES_PACK_NAME = 'My articles';
const USER_PACK_VERSION = '1.0.0';

/** Which of the user's own packs an article is saved to: "My articles", or "My reading" (lib/kb/my-reading.ts). */
export interface UserPackIdentity {
  id: string;
  name: string;
  description: string;
}

const MY_ARTICLES_PACK: Readonly<UserPackIdentity> = Object.freeze({
  id: MY_ARTICLES_PACK_ID,
  name: MY_ARTICLES_PACK_NAME,
  description: 'Pages you saved while reading, and the names you added from them.',
});
const MAX_ID_CHARS = 64;

/** The article as the user confirmed it in the save preview. */
export interface UserArticleInput {
  headline: string;
  /** Canonical URL: saving the same URL again updates the saved article. */
  url?: string;
  author?: string[];
  datePublished?: string;
  publisher?: string;
  inLanguage?: string;
  description?: string;
  /** Plain text, paragraphs separated by a blank line. */
  articleBody: string;
  /** When the user read it (ISO 8601 date-time): set for "My reading", kept as an extra property of the pack article. */
  dateRead?: string;
}

/** A candidate entity the user accepted. */
export interface UserEntityInput {
  name: string;
  type: EntityType;
  alternateName?: string[];
}

export interface SaveUserArticleInput {
  article: UserArticleInput;
  newEntities?: readonly UserEntityInput[];
  /** Epoch milliseconds; injected so tests are deterministic. */
  now?: number;
  /** The user's pack to save to; "My articles" when absent. */
  pack?: UserPackIdentity;
  /**
   * The current matcher of the enabled packs (the background's), to find the mentions
   * with instead of compiling one, which takes seconds for a large library. Used only
   * when no new entities are added.
   */
  matcher?: Matcher;
}

export type SaveUserArticleResult =
  | {
      status: 'saved' | 'updated';
      articleKey: string;
      /** Keys of the accepted entities, in input order (an existing one of the same name is reused). */
      entityKeys: string[];
      /** Keys of every entity the article mentions, from any enabled pack. */
      mentionedKeys: string[];
    }
  | { status: 'invalid'; issues: PackIssue[] };

/**
 * Saves an article into "My articles" in one transaction, creating the pack on first
 * use: the accepted entities become entities of the pack, and the article's mentions
 * are found by the matcher over every enabled pack plus those new entities. The same
 * URL saved again replaces the earlier copy (same key) instead of adding a second one.
 * Invalid input (a date that is not ISO 8601, an empty headline) writes nothing and
 * says what is wrong, with pack-format paths.
 */
export async function saveUserArticle(db: BackstoryDatabase, input: SaveUserArticleInput): Promise<SaveUserArticleResult> {
  const now = input.now ?? Date.now();
  const pack = input.pack ?? MY_ARTICLES_PACK;
  const draftEntities = (input.newEntities ?? []).map((e, i) => ({ id: `new-${i}`, ...trimEntity(e) }));
  const checked = checkInput({ id: 'draft', ...trimArticle(input.article) }, draftEntities);
  if ('issues' in checked) return { status: 'invalid', issues: checked.issues };

  return writeLibrary(db, [db.packs, db.entities, db.articles], async () => {
    await dropRemovedRows(db, pack.id);
    const ownEntities = await rowsOfPack(db.entities, pack.id).toArray();
    const ownArticles = await rowsOfPack(db.articles, pack.id).toArray();
    const previous = checked.article.url ? ownArticles.find((a) => a.url === checked.article.url) : undefined;

    const { entities: freshEntities, entityKeys } = placeEntities(checked.entities, ownEntities, pack.id);
    const articleId = previous?.id ?? freeId(slugify(checked.article.headline, MAX_ID_CHARS) || 'article', ownArticles);
    const rows = packToRows(myArticlesPack([{ ...checked.article, id: articleId }], freshEntities, pack), { source: { kind: 'user' }, now });
    const mentions = input.matcher && rows.entities.length === 0 ? mentionsFound(rows.articles[0]!, input.matcher) : await mentionsOf(db, rows.articles[0]!, rows.entities, pack.id);
    const article = withMentions(rows.articles[0]!, mentions);

    await db.entities.bulkAdd(rows.entities);
    // The same key as an earlier copy: replaced, mentions and all.
    await db.articles.put(article);
    await putPackRow(db, rows.pack, {
      entities: ownEntities.length + rows.entities.length,
      articles: ownArticles.length + (previous ? 0 : 1),
      now,
    });
    return {
      status: previous ? 'updated' : 'saved',
      articleKey: article.key,
      entityKeys,
      mentionedKeys: mentions.map((m) => m.entityKey),
    } as const;
  });
}

function optionalText(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** Trimmed, empty fields left out: what the pack schema then checks. */
function trimArticle(article: UserArticleInput): Record<string, unknown> {
  const authors = (article.author ?? []).map((a) => a.trim()).filter(Boolean);
  return Object.fromEntries(
    Object.entries({
      headline: article.headline.trim(),
      url: optionalText(article.url),
      author: authors.length > 0 ? authors : undefined,
      datePublished: optionalText(article.datePublished),
      publisher: optionalText(article.publisher),
      inLanguage: optionalText(article.inLanguage),
      description: optionalText(article.description),
      articleBody: article.articleBody.trim(),
      dateRead: optionalText(article.dateRead),
    }).filter(([, value]) => value !== undefined),
  );
}

function trimEntity(entity: UserEntityInput): Record<string, unknown> {
  const name = entity.name.trim();
  const aliases = [...new Set((entity.alternateName ?? []).map((a) => a.trim()))].filter((a) => a && a !== name);
  return { name, type: entity.type, ...(aliases.length > 0 ? { alternateName: aliases } : {}) };
}

/** Validates with the pack schema, so that what is saved could be exported as a valid pack. */
function checkInput(article: unknown, entities: unknown[]): { article: PackArticle; entities: PackEntity[] } | { issues: PackIssue[] } {
  const issues: PackIssue[] = [];
  const parsedArticle = v.safeParse(PackArticleSchema, article, { abortPipeEarly: true });
  if (!parsedArticle.success) issues.push(...parsedArticle.issues.map((i) => ({ path: `article${pathOf(i)}`, message: i.message })));
  const parsedEntities = entities.map((entity, index) => {
    const parsed = v.safeParse(PackEntitySchema, entity, { abortPipeEarly: true });
    if (!parsed.success) issues.push(...parsed.issues.map((i) => ({ path: `newEntities[${index}]${pathOf(i)}`, message: i.message })));
    return parsed.success ? parsed.output : (entity as PackEntity);
  });
  if (issues.length > 0 || !parsedArticle.success) return { issues };
  return { article: parsedArticle.output, entities: parsedEntities };
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const path = formatPath(issue.path?.map((item) => item.key as string | number) ?? []);
  return path ? (path.startsWith('[') ? path : `.${path}`) : '';
}

/** New entities get free ids; one named like an entity already in the pack is that entity. */
function placeEntities(entities: PackEntity[], own: EntityRow[], packId: string): { entities: PackEntity[]; entityKeys: string[] } {
  const byName = new Map(own.map((e) => [foldText(e.name), e.key]));
  const taken = own.map((e) => e.id);
  const fresh: PackEntity[] = [];
  const entityKeys = entities.map((entity) => {
    const existing = byName.get(foldText(entity.name));
    if (existing) return existing;
    const id = freeId(slugify(entity.name, MAX_ID_CHARS) || 'entity', taken.map((t) => ({ id: t })));
    taken.push(id);
    fresh.push({ ...entity, id });
    const key = rowKey(packId, id);
    byName.set(foldText(entity.name), key);
    return key;
  });
  return { entities: fresh, entityKeys };
}

/** `base`, else `base-2`, `base-3`…: the first id no row uses. */
export function freeId(base: string, used: ReadonlyArray<{ id: string }>): string {
  const ids = new Set(used.map((u) => u.id));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = `${base.slice(0, MAX_ID_CHARS - suffix.length)}${suffix}`;
    if (!ids.has(id)) return id;
  }
}

/** The article's mentions over every enabled pack's entities (the user's own pack's too) plus the ones being added. */
async function mentionsOf(db: BackstoryDatabase, article: ArticleRow, added: EntityRow[], ownPackId: string): Promise<ArticleMention[]> {
  return mentionsFound(article, await libraryMatcher(db, added, ownPackId));
}

/** A matcher over every enabled pack's entities, the user's own pack always (My articles unless named), plus the ones being added. */
export async function libraryMatcher(db: BackstoryDatabase, added: readonly EntityRow[], ownPackId: string = MY_ARTICLES_PACK_ID): Promise<Matcher> {
  const enabled = (await db.packs.toArray()).filter((p) => p.enabled || p.id === ownPackId).map((p) => p.id);
  const known = await rowsOfPacks(db.entities, enabled);
  return compileMatcher([...known, ...added].flatMap((entity) => entityPatterns(entity)));
}

/** What `matcher` finds in an article, each with the first sentence that names it. */
export function mentionsFound(article: ArticleRow, matcher: Matcher): ArticleMention[] {
  return [...firstSentences(article, matcher)].map(([entityKey, sentence]) => ({
    entityKey,
    sentence: sentence || article.headline,
    role: 'mentions',
  }));
}

/** A pack-format wrapper of the user's pack, for turning new items into rows. */
export function myArticlesPack(articles: PackArticle[], entities: PackEntity[], pack: UserPackIdentity = MY_ARTICLES_PACK): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    pack: { id: pack.id, name: pack.name, version: USER_PACK_VERSION, description: pack.description },
    entities,
    articles,
  } as Pack;
}

/** Creates one of the user's pack rows on first use, else updates its counts. Call inside a transaction. */
export async function putPackRow(db: BackstoryDatabase, fresh: PackRow, counts: { entities: number; articles: number; now: number }): Promise<void> {
  const existing = await db.packs.get(fresh.id);
  await db.packs.put({
    ...(existing ?? fresh),
    updatedAt: counts.now,
    entityCount: counts.entities,
    articleCount: counts.articles,
  });
}
