import type { BackstoryDatabase } from '../db/database';
import type { MatcherPattern } from '../matcher';
import { entityPatterns } from './matcher-patterns';

/** The patterns of every entity of every enabled pack: what the page matcher is built from. */
export async function enabledPatterns(db: BackstoryDatabase): Promise<MatcherPattern[]> {
  const packs = await db.packs.toArray();
  const enabled = packs.filter((p) => p.enabled).map((p) => p.id);
  if (enabled.length === 0) return [];
  const entities = await db.entities.where('packId').anyOf(enabled).toArray();
  return entities.flatMap(entityPatterns);
}
