/**
 * Ranking search results: by tier first (exact name, exact alias, name, alias, description;
 * headline, text), then by MiniSearch's score inside a tier.
 */
import type { SearchResult } from 'minisearch';
import { ALIAS_SEPARATOR, normalizedPhrase, type SearchDocument } from './documents';

/** The ranking tier of a result: lower is better. */
export const Tier = {
  exactName: 0,
  exactAlias: 1,
  name: 2,
  alias: 3,
  /** Found by its description only ("president of kazakhstan"). */
  description: 4,
  headline: 5,
  text: 6,
} as const;

/** A result before it is turned into what the popup shows. */
export interface RankedHit {
  kind: SearchDocument['kind'];
  key: string;
  /** Folded words of this document that the query matched: what to mark. */
  terms: string[];
  tier: number;
  score: number;
}

export interface RankedResults {
  entities: RankedHit[];
  articles: RankedHit[];
}

/** The fields stored with the index that ranking reads (STORED_FIELDS in search-index.ts). */
type StoredFields = Pick<SearchDocument, 'title' | 'aliasKeys'>;

/** The best `limit` results by tier, then score. */
export function rank(results: SearchResult[], tierOf: (hit: SearchResult) => number, limit: number): RankedHit[] {
  const tiered = results.map((result) => ({ result, tier: tierOf(result) }));
  tiered.sort((a, b) => a.tier - b.tier || b.result.score - a.result.score);
  return tiered.slice(0, limit).map(({ result, tier }) => toRankedHit(result, tier));
}

export function toRankedHit(result: SearchResult, tier: number): RankedHit {
  const id = String(result.id);
  // Sorted: the order MiniSearch reports terms in depends on how the index was built.
  return { kind: id.startsWith('e:') ? 'entity' : 'article', key: id.slice(2), terms: [...result.terms].sort(), tier, score: result.score };
}

/** The tier of an entity result for the query phrase (folded as normalizedPhrase folds it). */
export function entityTier(hit: SearchResult, phrase: string): number {
  const stored = hit as unknown as StoredFields;
  // Folding rarely changes length by more than a character or two: skip the costly compare otherwise.
  if (Math.abs(stored.title.length - phrase.length) <= 2 && normalizedPhrase(stored.title) === phrase) return Tier.exactName;
  if (stored.aliasKeys && stored.aliasKeys.split(ALIAS_SEPARATOR).includes(phrase)) return Tier.exactAlias;
  const fields = Object.values(hit.match).flat();
  if (fields.includes('name')) return Tier.name;
  return fields.includes('aliases') ? Tier.alias : Tier.description;
}
