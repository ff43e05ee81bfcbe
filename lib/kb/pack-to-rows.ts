import { withMentions } from '../db/article-mention-keys';
import { ARTICLE_ROW_FIELDS, ENTITY_ROW_FIELDS, extraProperties } from '../db/row-fields';
import type { ArticleMention, ArticleRow, EntityRow, PackRow, PackSource } from '../db/rows';
import { compileMatcher } from '../matcher';
import type { Matcher } from '../matcher';
import type { Pack, PackArticle, PackEntity } from '../pack/schema';
import { foldText } from '../text/fold';
import { comparableUrl } from '../text/safe-url';
import { sentenceAt, splitSentences } from '../text/sentences';
import { rowKey } from './keys';
import { entityPatterns } from './matcher-patterns';
import { patternsTextCanMatch, TextWords } from './names-in-text';
import { declaredTogether, type MentionContext, resolveCandidates } from './resolve-candidates';

export interface PackRows {
  pack: PackRow;
  entities: EntityRow[];
  articles: ArticleRow[];
}

/**
 * A pack's rows with the articles built as they are read: finding each article's
 * mentions is the costly part, and done this way it runs while the database is still
 * writing the rows before it (lib/kb/install-pack.ts).
 */
export interface StreamedPackRows {
  pack: PackRow;
  entities: EntityRow[];
  articleCount: number;
  /** Builds each article row when iterated; iterate once. */
  articles: Iterable<ArticleRow>;
}

export interface PackToRowsOptions {
  source: PackSource;
  /** Epoch milliseconds; injected so tests are deterministic. */
  now: number;
}

/**
 * Turns a validated pack into rows, precomputing for every (entity, article) pair the
 * sentence where the article mentions the entity, so hovers need no text search.
 */
export function packToRows(pack: Pack, options: PackToRowsOptions): PackRows {
  const streamed = streamPackRows(pack, options);
  return { pack: streamed.pack, entities: streamed.entities, articles: [...streamed.articles] };
}

/** {@link packToRows}, the article rows left to be built as they are written. */
export function streamPackRows(pack: Pack, options: PackToRowsOptions): StreamedPackRows {
  const packId = pack.pack.id;
  const entities = pack.entities.map((entity) => entityRow(packId, entity));
  const { entities: _e, articles: _a, ...meta } = pack;
  return {
    pack: {
      id: packId,
      name: pack.pack.name,
      version: pack.pack.version,
      description: pack.pack.description,
      language: pack.pack.language,
      publisher: pack.pack.publisher,
      license: pack.pack.license,
      homepage: pack.pack.homepage,
      updateUrl: pack.pack.updateUrl,
      created: pack.pack.created,
      source: options.source,
      enabled: true,
      installedAt: options.now,
      updatedAt: options.now,
      entityCount: entities.length,
      articleCount: pack.articles.length,
      original: meta as Record<string, unknown>,
    },
    entities,
    articleCount: pack.articles.length,
    articles: (function* () {
      // Compiled on the first article, so that it too runs while the entities are written,
      // over only the names the articles' text can contain (names-in-text.ts).
      const matcher = compileMatcher(patternsTextCanMatch(entities.flatMap((entity) => entityPatterns(entity)), articleWords(pack.articles)));
      const related = declaredTogether(pack.articles.map((a) => declaredKeys(packId, a)));
      for (const article of pack.articles) yield articleRow(packId, article, matcher, related);
    })(),
  };
}

function entityRow(packId: string, entity: PackEntity): EntityRow {
  return {
    key: rowKey(packId, entity.id),
    packId,
    id: entity.id,
    name: entity.name,
    type: entity.type ?? 'Thing',
    alternateName: [...(entity.alternateName ?? [])],
    description: entity.description,
    sameAs: [...(entity.sameAs ?? [])],
    url: entity.url,
    caseSensitive: entity.match?.caseSensitive,
    exclude: entity.match?.exclude ? [...entity.match.exclude] : undefined,
    nameFold: foldText(entity.name),
    ...withExtra(entity, ENTITY_ROW_FIELDS),
  };
}

/** The article's row, its mentions found by `matcher` unless the pack declares them. */
function articleRow(packId: string, article: PackArticle, matcher: Matcher, related?: MentionContext['related']): ArticleRow {
  const urlKey = comparableUrl(article.url);
  const row = {
    key: rowKey(packId, article.id),
    packId,
    id: article.id,
    headline: article.headline,
    url: article.url,
    author: [...(article.author ?? [])],
    publisher: article.publisher,
    datePublished: article.datePublished,
    inLanguage: article.inLanguage,
    description: article.description,
    articleBody: article.articleBody,
    about: [...(article.about ?? [])],
    ...(article.mentions ? { mentions: [...article.mentions] } : {}),
    keywords: [...(article.keywords ?? [])],
    sortDate: article.datePublished ?? '',
    ...(urlKey ? { urlKey } : {}),
    ...withExtra(article, ARTICLE_ROW_FIELDS),
  };
  return withMentions(row, articleMentions(row, matcher, related));
}

/** `{ extra }` when the item has properties no row field holds, else nothing. */
function withExtra(item: object, fields: ReadonlySet<string>): { extra?: Record<string, unknown> } {
  const extra = extraProperties(item, fields);
  return extra ? { extra } : {};
}

/**
 * The article's mentions: its declared `about` and `mentions`, or, when `mentions`
 * is absent, whatever the matcher finds in its text (pack-format.md). Each gets the
 * first sentence of the body that names it, else the headline or summary.
 */
function articleMentions(
  article: ArticleText & Pick<ArticleRow, 'packId' | 'about' | 'mentions'>,
  matcher: Matcher,
  related: MentionContext['related'],
): ArticleMention[] {
  const about = new Set(article.about.map((id) => rowKey(article.packId, id)));
  const keys = new Set(about);
  if (article.mentions) for (const id of article.mentions) keys.add(rowKey(article.packId, id));
  const firstSentence = firstSentences(article, matcher, { declared: keys, related });
  if (!article.mentions) for (const key of firstSentence.keys()) keys.add(key);

  return [...keys].map((entityKey) => ({
    entityKey,
    sentence: firstSentence.get(entityKey) ?? article.description ?? article.headline,
    role: about.has(entityKey) ? 'about' : 'mentions',
  }));
}

/** The words of what the mention finder reads of the articles (firstSentences: the body and the headline). */
function articleWords(articles: readonly PackArticle[]): TextWords {
  let length = 0;
  for (const article of articles) length += article.headline.length + (article.articleBody?.length ?? 0);
  const words = new TextWords(length);
  for (const article of articles) {
    words.add(article.headline);
    if (article.articleBody) words.add(article.articleBody);
  }
  return words;
}

/** The entity keys an article of the pack declares (`about`, `mentions`). */
function declaredKeys(packId: string, article: PackArticle): string[] {
  return [...(article.about ?? []), ...(article.mentions ?? [])].map((id) => rowKey(packId, id));
}

/** What of an article the mention finder reads. */
export type ArticleText = Pick<ArticleRow, 'headline' | 'articleBody' | 'inLanguage' | 'description'>;

/**
 * Entity key → the first sentence (body first, then headline) that names it. A name
 * several entities share counts only for the ones `context` supports (resolve-candidates.ts).
 */
export function firstSentences(article: ArticleText, matcher: Matcher, context: MentionContext = {}): Map<string, string> {
  const found = new Map<string, string>();
  const body = article.articleBody ?? '';
  const bodySpans = body ? matcher.scan(body) : [];
  const headlineSpans = matcher.scan(article.headline);
  // Settled over both: a name in the headline is settled by the body, and the other way round.
  const keysOf = resolveCandidates([...bodySpans, ...headlineSpans], context);
  if (bodySpans.length > 0) {
    const sentences = splitSentences(body, article.inLanguage ?? 'en');
    for (const span of bodySpans) {
      for (const key of keysOf(span)) {
        if (!found.has(key)) found.set(key, sentenceAt(body, sentences, span.start) ?? '');
      }
    }
  }
  for (const span of headlineSpans) {
    for (const key of keysOf(span)) if (!found.has(key)) found.set(key, article.headline);
  }
  return found;
}
