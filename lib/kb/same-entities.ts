/**
 * One entity described by several packs ("Vladimir Putin" from two packs, both with his
 * Wikidata URI in `sameAs`) is shown as one: the name on a page, which carries every
 * pack's entity as a candidate, opens one card with the articles of all of them.
 * Entities are the same only when they share a `sameAs` URL written identically; a
 * shared name alone proves nothing. Only the entities asked for together are merged (the
 * database keeps no index on `sameAs`: it would cost every import an index entry per URL).
 */
import type { BackstoryDatabase } from '../db/database';
import type { EntityRow } from '../db/rows';
import { withEdit } from './entity-edits';
import { installedPackIds } from './keys';

/**
 * The given entities (the user's edits applied) grouped by shared `sameAs` URLs, in the
 * order of each group's first key; unknown keys are skipped.
 */
export async function sameEntityGroups(db: BackstoryDatabase, keys: readonly string[]): Promise<EntityRow[][]> {
  const [rows, edits, installed] = await Promise.all([db.entities.bulkGet([...keys]), db.entityEdits.bulkGet([...keys]), installedPackIds(db)]);
  const groups: EntityRow[][] = [];
  const groupOfUrl = new Map<string, EntityRow[]>();
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    // A key of an import still being written (staged-pack.ts) is unknown until it is switched live.
    if (!row || seen.has(row.key) || !installed.has(row.packId)) continue;
    seen.add(row.key);
    const entity = withEdit(row, edits[i]);
    const existing = entity.sameAs.map((url) => groupOfUrl.get(url)).find(Boolean);
    const group = existing ?? [];
    if (!existing) groups.push(group);
    group.push(entity);
    for (const url of entity.sameAs) if (!groupOfUrl.has(url)) groupOfUrl.set(url, group);
  }
  return groups;
}
