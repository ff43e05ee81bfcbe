import type { BackstoryDatabase } from '../db/database';
import type { MatcherPattern } from '../matcher';
import { editsByKey, withEdit } from './entity-edits';
import { rowsOfPacks } from './keys';
import { entityPatterns } from './matcher-patterns';

export interface EnabledPatternsOptions {
  /** Entity types the user chose not to highlight (settings). */
  hiddenTypes?: readonly string[];
}

/**
 * The patterns of every entity of every enabled pack: what the page matcher is built
 * from. The user's edits apply: their aliases replace the pack's, hidden entities and
 * hidden entity types are left out.
 */
export async function enabledPatterns(db: BackstoryDatabase, options: EnabledPatternsOptions = {}): Promise<MatcherPattern[]> {
  const hiddenTypes = new Set(options.hiddenTypes ?? []);
  const packs = await db.packs.toArray();
  const enabled = packs.filter((p) => p.enabled).map((p) => p.id);
  if (enabled.length === 0) return [];
  const [entities, edits] = await Promise.all([rowsOfPacks(db.entities, enabled), editsByKey(db)]);
  return entities.flatMap((entity) => {
    const edit = edits.get(entity.key);
    return edit?.hidden || hiddenTypes.has(entity.type) ? [] : entityPatterns(withEdit(entity, edit));
  });
}
