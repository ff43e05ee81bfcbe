/**
 * Search over the term index (term-database.ts) by key range: each keystroke reads the
 * postings of its few words, and of the words they begin, and nothing else; so neither
 * the popup nor the background holds an index in memory. Same rules as the in-memory
 * index (search-index.ts): every word must match (AND); the word being typed is a prefix
 * from 3 characters (article text from 4); one typo forgiven in names and headlines from
 * 4 characters; results ranked by tier (exact name, exact alias, name, alias,
 * description; headline, text), then by a score of field, match and rarity.
 */
import { type RankedHit, type RankedResults, Tier } from '../ranking';
import type { SearchLimits } from '../search-index';
import { searchTerms } from '../words';
import { ARTICLE_FIELDS, ENTITY_FIELDS, Field } from './fields';
import { DOCS_PER_CHUNK } from './term-database';
import { type Match, MIN_PREFIX_CHARS, type TermReads, type WordRows } from './term-reads';

const MIN_ARTICLE_QUERY_CHARS = 3;
/** Weights as MiniSearch's defaults and FIELD_BOOST in search-index.ts. */
const MATCH_WEIGHT: Readonly<Record<Match, number>> = { exact: 1, prefix: 0.375, fuzzy: 0.45 };
const FIELD_WEIGHT: ReadonlyArray<[number, number]> = [
  [Field.name, 3],
  [Field.alias, 2],
  [Field.description, 1],
  [Field.headline, 1],
  [Field.text, 1],
];

/** One query word's hits in one document. */
interface WordHit {
  fields: number;
  /** Fields where the word itself (not a longer word it begins, nor a typo) was found, with the spans of segment.ts. */
  exactFields: number;
  nameSpan: number;
  aliasSpan: number;
  score: number;
  terms: string[];
}

/** Per segment, per document: a word's best hit. */
type HitsBySegment = Map<string, Map<number, WordHit>>;

/**
 * Per segment, per document: this word's best hit, in `allowedFields` only, and only for
 * the documents of `among` when given (the documents every earlier word matched): a word
 * in every article ("to", "bank") then costs a look-up per posting, not an object.
 */
function hitsOfWord(rows: WordRows, word: string, isLast: boolean, allowedFields: number, among?: HitsBySegment): HitsBySegment {
  const bySegment: HitsBySegment = new Map();
  for (const { row, match } of rows) {
    // Article text is matched exactly or by prefix from 4 characters, never fuzzily.
    const allowed = allowedFields & (match === 'fuzzy' || (match === 'prefix' && (!isLast || word.length < MIN_PREFIX_CHARS.text)) ? ~Field.text : ~0);
    const rarity = 1 / Math.log(Math.E + row.docs.length);
    const candidates = among?.get(row.segment);
    if (among && !candidates) continue;
    let docs = bySegment.get(row.segment);
    for (let i = 0; i < row.docs.length; i++) {
      const fields = row.fields[i]! & allowed;
      if (fields === 0) continue;
      const doc = row.docs[i]!;
      if (candidates && !candidates.has(doc)) continue;
      let fieldWeight = 0;
      for (const [field, weight] of FIELD_WEIGHT) if (fields & field) fieldWeight += weight;
      const score = MATCH_WEIGHT[match] * fieldWeight * rarity;
      if (!docs) bySegment.set(row.segment, (docs = new Map()));
      const was = docs.get(doc);
      if (!was) {
        const exact = match === 'exact';
        docs.set(doc, { fields, exactFields: exact ? fields : 0, nameSpan: exact ? row.nameSpans[i]! : 0, aliasSpan: exact ? row.aliasSpans[i]! : 0, score, terms: [row.term] });
        continue;
      }
      was.fields |= fields;
      if (match === 'exact') {
        was.exactFields |= fields;
        was.nameSpan = row.nameSpans[i]!;
        was.aliasSpan = row.aliasSpans[i]!;
      }
      was.score = Math.max(was.score, score);
      was.terms.push(row.term);
    }
  }
  return bySegment;
}

/** Postings of a word's rows: words with fewer are matched first, and narrow the others. */
const postingsOf = (rows: WordRows) => rows.reduce((n, { row }) => n + row.docs.length, 0);

/** The tier of an entity whose every query word matched, as `entityTier` in ranking.ts decides it. */
function entityTierOf(words: WordHit[]): number {
  if (words.every((w) => (w.exactFields & Field.name) !== 0 && w.nameSpan === words.length)) return Tier.exactName;
  if (words.every((w) => (w.exactFields & Field.alias) !== 0 && w.aliasSpan === words.length)) return Tier.exactAlias;
  const any = words.reduce((f, w) => f | w.fields, 0);
  if (any & Field.name) return Tier.name;
  return any & Field.alias ? Tier.alias : Tier.description;
}

interface Candidate {
  segment: string;
  doc: number;
  tier: number;
  score: number;
  terms: string[];
}

/** The documents every word matched in `allowedFields`, as ranked candidates. */
function candidatesOf(words: readonly string[], rowsPerWord: readonly WordRows[], allowedFields: number, withArticles: boolean): { entities: Candidate[]; articles: Candidate[] } {
  const order = words.map((_, i) => i).sort((a, b) => postingsOf(rowsPerWord[a]!) - postingsOf(rowsPerWord[b]!));
  // Per segment, per document: the hits of every word so far (documents missing a word are dropped).
  let matched: Map<string, Map<number, WordHit[]>> | undefined;
  let among: HitsBySegment | undefined;
  for (const i of order) {
    const hits = hitsOfWord(rowsPerWord[i]!, words[i]!, i === words.length - 1, allowedFields, among);
    const next = new Map<string, Map<number, WordHit[]>>();
    for (const [segment, docs] of hits) {
      const before = matched?.get(segment);
      const kept = new Map<number, WordHit[]>();
      for (const [doc, hit] of docs) {
        const earlier = matched ? before?.get(doc) : [];
        if (earlier) kept.set(doc, [...earlier, hit]);
      }
      if (kept.size > 0) next.set(segment, kept);
    }
    matched = next;
    among = hits;
  }
  const entities: Candidate[] = [];
  const articles: Candidate[] = [];
  for (const [segment, docs] of matched ?? []) {
    for (const [doc, hits] of docs) {
      const fields = hits.reduce((f, w) => f & w.fields, ENTITY_FIELDS | ARTICLE_FIELDS);
      const anyFields = hits.reduce((f, w) => f | w.fields, 0);
      const score = hits.reduce((s, w) => s + w.score, 0);
      const matchedTerms = [...new Set(hits.flatMap((w) => w.terms))].sort();
      if (anyFields & ENTITY_FIELDS) {
        entities.push({ segment, doc, tier: entityTierOf(hits), score, terms: matchedTerms });
      } else if (withArticles && fields & Field.headline) {
        articles.push({ segment, doc, tier: Tier.headline, score, terms: matchedTerms });
      } else if (withArticles && fields & Field.text) {
        articles.push({ segment, doc, tier: Tier.text, score, terms: matchedTerms });
      }
    }
  }
  return { entities, articles };
}

const byRank = (a: Candidate, b: Candidate) => a.tier - b.tier || b.score - a.score;
const best = (list: Candidate[], limit: number) => list.sort(byRank).slice(0, limit);

/**
 * The index's answer to `query`: entities and articles, best first, by the keys of their
 * rows (`RankedResults`, shown by present.ts as the in-memory index's are).
 */
export async function searchTermIndex(reads: TermReads, query: string, limits: SearchLimits): Promise<RankedResults> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { entities: [], articles: [] };
  const last = terms.at(-1)!;
  const words = terms.length > 1 && last.length < MIN_PREFIX_CHARS.names ? terms.slice(0, -1) : terms;
  const withArticles = terms.join(' ').length >= MIN_ARTICLE_QUERY_CHARS;
  const rowsPerWord = await Promise.all(words.map((word, i) => reads.rowsForWord(word, i === words.length - 1)));
  // Article text only when headlines leave room: a text match always ranks below a headline (as in search-index.ts).
  let found = candidatesOf(words, rowsPerWord, withArticles ? ENTITY_FIELDS | Field.headline : ENTITY_FIELDS, withArticles);
  if (withArticles && found.articles.length < limits.articles) found = candidatesOf(words, rowsPerWord, ENTITY_FIELDS | ARTICLE_FIELDS, true);
  const { entities, articles } = found;
  const [e, a] = await Promise.all([resolve(reads, best(entities, limits.entities)), resolve(reads, best(articles, limits.articles))]);
  return { entities: e, articles: a };
}

/** The ranked hits of candidates, their document numbers read as ids (a chunk of ids per read). */
async function resolve(reads: TermReads, candidates: Candidate[]): Promise<RankedHit[]> {
  const ids = await Promise.all(candidates.map(async (c) => (await reads.chunk(c.segment, Math.floor(c.doc / DOCS_PER_CHUNK)))?.[c.doc % DOCS_PER_CHUNK]));
  return candidates.flatMap((c, i) => {
    const id = ids[i];
    if (!id) return [];
    return [{ kind: id.startsWith('e:') ? 'entity' : 'article', key: id.slice(2), terms: c.terms, tier: c.tier, score: c.score } satisfies RankedHit];
  });
}
