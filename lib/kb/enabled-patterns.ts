import type { BackstoryDatabase } from '../db/database';
import type { MatcherPattern } from '../matcher';
import { editsByKey, withEdit } from './entity-edits';
import { pagesOfPack } from './keys';
import { entityPatterns } from './matcher-patterns';

export interface EnabledPatternsOptions {
  /** Entity types the user chose not to highlight (settings). */
  hiddenTypes?: readonly string[];
  /** Called between pages of entities (a library of 500,000 is read a page at a time). */
  pause?: () => Promise<void>;
}

/**
 * Entities read and turned into patterns in one stretch. Each page is a round trip to the
 * database, so not too few: 5,000 made a 500,000-entity rebuild wait on 100 of them.
 */
const PAGE_SIZE = 20_000;

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
  const edits = await editsByKey(db);
  const patterns: MatcherPattern[] = [];
  for (const packId of enabled) {
    for await (const page of pagesOfPack(db.entities, packId, PAGE_SIZE)) {
      for (const entity of page) {
        const edit = edits.get(entity.key);
        if (!edit?.hidden && !hiddenTypes.has(entity.type)) patterns.push(...entityPatterns(withEdit(entity, edit), edit));
      }
      await options.pause?.();
    }
  }
  return patterns;
}
