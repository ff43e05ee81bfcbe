import type { BackstoryDatabase } from '../db/database';
import type { EntityEditRow, EntityRow } from '../db/rows';
import { writeLibrary } from './write-library';

/** The entity as the user sees it: the pack's row with their edits on top. */
export function withEdit(entity: EntityRow, edit: EntityEditRow | undefined): EntityRow {
  if (!edit) return entity;
  return {
    ...entity,
    alternateName: edit.alternateName ?? entity.alternateName,
    description: edit.description ?? entity.description,
  };
}

/** Edits by entity key, for applying to many rows at once. */
export async function editsByKey(db: BackstoryDatabase): Promise<Map<string, EntityEditRow>> {
  return new Map((await db.entityEdits.toArray()).map((edit) => [edit.key, edit]));
}

export type EntityEditChange = Partial<Pick<EntityEditRow, 'alternateName' | 'description' | 'hidden'>>;

/**
 * Saves the user's change to an entity apart from the pack's rows, so it survives pack
 * updates. `undefined` values drop that part of the edit (back to the pack's version).
 * A library write: aliases and hiding change what pages highlight.
 */
export async function saveEntityEdit(db: BackstoryDatabase, key: string, change: EntityEditChange, now = Date.now()): Promise<void> {
  await writeLibrary(db, [db.entityEdits], async () => {
    const current = await db.entityEdits.get(key);
    const next: EntityEditRow = { ...current, ...change, key, updatedAt: now };
    for (const field of ['alternateName', 'description', 'hidden'] as const) if (next[field] === undefined) delete next[field];
    if (next.alternateName === undefined && next.description === undefined && !next.hidden) await db.entityEdits.delete(key);
    else await db.entityEdits.put(next);
  });
}
