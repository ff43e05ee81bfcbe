import type { EntityEditRow, EntityRow } from '../db/rows';
import type { MatcherPattern } from '../matcher';
import { MY_ARTICLES_PACK_ID } from './my-articles';
import { matchableName } from './ordinary-words';

/**
 * Every name an entity is known by that may be looked for on pages, as matcher patterns.
 * A pack's ordinary words are not ({@link matchableName}); names the user chose (their
 * own entities, other names they edited) are, as the entity forms accepted them.
 */
export function entityPatterns(entity: EntityRow, edit?: Pick<EntityEditRow, 'alternateName'>): MatcherPattern[] {
  const chosenByUser = entity.packId === MY_ARTICLES_PACK_ID || edit?.alternateName !== undefined;
  const owner = { type: entity.type, popularity: entity.extra?.popularity };
  const names = new Set([entity.name, ...entity.alternateName]);
  return [...names]
    .filter((text) => chosenByUser || matchableName(text, { isLabel: text === entity.name, owner }))
    .map((text) => ({
      text,
      entityKey: entity.key,
      caseSensitive: entity.caseSensitive,
      exclude: entity.exclude,
    }));
}
