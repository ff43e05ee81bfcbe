import type { EntityRow } from '../db/rows';
import type { MatcherPattern } from '../matcher';

/** Every name an entity is known by, as matcher patterns. */
export function entityPatterns(entity: EntityRow): MatcherPattern[] {
  const names = new Set([entity.name, ...entity.alternateName]);
  return [...names].map((text) => ({
    text,
    entityKey: entity.key,
    caseSensitive: entity.caseSensitive,
    exclude: entity.exclude,
  }));
}
