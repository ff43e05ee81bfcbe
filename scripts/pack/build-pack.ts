/**
 * Assembles a pack from articles read from files and the publisher's entities: ids,
 * mentions found by the matcher, entity suggestions from the NLP candidates, and the
 * same validation an import runs.
 */
import { resolveCandidates } from '../../lib/kb/resolve-candidates';
import { compileMatcher, type Matcher } from '../../lib/matcher';
import { findCandidateEntities, type CandidateType } from '../../lib/nlp';
import { foldText } from '../../lib/text/fold';
import { PACK_FORMAT, PACK_FORMAT_VERSION, slugify, validatePack, type PackArticle, type PackEntity, type PackMeta, type PackValidation } from '../../lib/pack';
import type { SkippedFile } from './collect-files';

/** An article and where it came from (a file, or a file and line). */
export interface SourcedArticle {
  article: PackArticle;
  source: string;
}

/** A name the articles use that no given entity covers. */
export interface Suggestion {
  name: string;
  type: CandidateType;
  alternateName: string[];
  /** Times named, in all articles. */
  count: number;
  /** Articles that name it. */
  articles: number;
}

export interface BuildPackOptions {
  meta: PackMeta;
  articles: readonly SourcedArticle[];
  entities: readonly PackEntity[];
  /** Look for entity suggestions (the slow part: NLP over every article). */
  suggest: boolean;
  /** Add the suggestions to the pack as entities marked `"suggested": true`. */
  addSuggestions: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildPackResult {
  /** The pack as it would be written; check `validation` before writing it. */
  pack: Record<string, unknown>;
  validation: PackValidation;
  suggestions: Suggestion[];
  skipped: SkippedFile[];
  stats: { articles: number; entities: number; suggestedEntities: number; mentions: number };
}

/** A suggestion must be named at least this often across the articles: once is too often noise. */
export const MIN_SUGGESTION_COUNT = 2;
/** Suggestions kept at most, the most named first. */
export const MAX_SUGGESTIONS = 200;
/** Candidates read per article. */
const CANDIDATES_PER_ARTICLE = 50;
const MAX_ID_CHARS = 64;

export function buildPack(options: BuildPackOptions): BuildPackResult {
  const skipped: SkippedFile[] = [];
  const articles = uniqueArticles(options.articles, skipped);
  const given = [...options.entities];
  let matcher = entityMatcher(given);

  const suggestions = options.suggest ? suggest(articles, matcher, options.onProgress) : [];
  const suggestedEntities = options.addSuggestions ? toEntities(suggestions, given) : [];
  const entities = [...given, ...suggestedEntities];
  if (suggestedEntities.length > 0) matcher = entityMatcher(entities);

  let mentions = 0;
  const linked = articles.map(({ article }) => {
    const ids = article.mentions ?? mentionedIds(article, matcher);
    mentions += ids.length + (article.about?.filter((id) => !ids.includes(id)).length ?? 0);
    return { ...article, mentions: [...ids] };
  });
  const pack = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, pack: options.meta, entities, articles: linked };
  return {
    pack,
    validation: validatePack(pack),
    suggestions,
    skipped,
    stats: { articles: linked.length, entities: entities.length, suggestedEntities: suggestedEntities.length, mentions },
  };
}

/** Gives every article a unique id; a second article with the same URL is skipped. */
function uniqueArticles(sourced: readonly SourcedArticle[], skipped: SkippedFile[]): SourcedArticle[] {
  const ids = new Set<string>();
  const urls = new Map<string, string>();
  const kept: SourcedArticle[] = [];
  for (const { article, source } of sourced) {
    if (article.url) {
      const first = urls.get(article.url);
      if (first) {
        skipped.push({ path: source, reason: `same URL as ${first}` });
        continue;
      }
      urls.set(article.url, source);
    }
    const date = article.datePublished?.slice(0, 10);
    const base = article.id || [slugify(article.headline, date ? MAX_ID_CHARS - date.length - 1 : MAX_ID_CHARS) || 'article', date].filter(Boolean).join('-');
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base.slice(0, MAX_ID_CHARS - String(n).length - 1)}-${n}`;
    ids.add(id);
    kept.push({ article: { ...article, id }, source });
  }
  return kept;
}

function entityMatcher(entities: readonly PackEntity[]): Matcher {
  return compileMatcher(
    entities.flatMap((e) =>
      [e.name, ...(e.alternateName ?? [])].map((text) => ({ text, entityKey: e.id, caseSensitive: e.match?.caseSensitive, exclude: e.match?.exclude })),
    ),
  );
}

/** The entities the article names; a shared name only for the candidates its context supports. */
function mentionedIds(article: PackArticle, matcher: Matcher): string[] {
  const spans = [article.headline, article.articleBody ?? ''].flatMap((text) => matcher.scan(text));
  const keysOf = resolveCandidates(spans, { declared: new Set(article.about ?? []) });
  return [...new Set(spans.flatMap(keysOf))];
}

function suggest(articles: readonly SourcedArticle[], known: Matcher, onProgress?: (done: number, total: number) => void): Suggestion[] {
  type Entry = Suggestion & { types: Map<CandidateType, number> };
  const byName = new Map<string, Entry>();
  articles.forEach(({ article }, index) => {
    const text = `${article.headline}\n\n${article.articleBody ?? ''}`;
    for (const candidate of findCandidateEntities(text, { known, limit: CANDIDATES_PER_ARTICLE })) {
      const key = foldText(candidate.name);
      const entry: Entry = byName.get(key) ?? { ...candidate, alternateName: [], count: 0, articles: 0, types: new Map() };
      entry.count += candidate.count;
      entry.articles++;
      entry.types.set(candidate.type, (entry.types.get(candidate.type) ?? 0) + candidate.count);
      for (const alias of candidate.alternateName) if (!entry.alternateName.includes(alias)) entry.alternateName.push(alias);
      byName.set(key, entry);
    }
    onProgress?.(index + 1, articles.length);
  });
  return [...byName.values()]
    .filter((s) => s.count >= MIN_SUGGESTION_COUNT)
    .sort((a, b) => b.articles - a.articles || b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ types, ...s }) => ({ ...s, type: mostCommonType(types) }));
}

/** The type named most often, preferring a real type over Thing. */
function mostCommonType(types: Map<CandidateType, number>): CandidateType {
  const ranked = [...types].sort((a, b) => Number(a[0] === 'Thing') - Number(b[0] === 'Thing') || b[1] - a[1]);
  return ranked[0]?.[0] ?? 'Thing';
}

function toEntities(suggestions: readonly Suggestion[], given: readonly PackEntity[]): PackEntity[] {
  const ids = new Set(given.map((e) => e.id));
  return suggestions.map((s) => {
    const base = slugify(s.name, MAX_ID_CHARS) || 'entity';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return { id, name: s.name, type: s.type, ...(s.alternateName.length > 0 ? { alternateName: s.alternateName } : {}), suggested: true } as PackEntity;
  });
}
