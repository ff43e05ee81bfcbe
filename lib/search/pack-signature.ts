import type { BackstoryDatabase } from '../db/database';
import type { PackRow } from '../db/rows';
import { rowsOfPack } from '../kb/keys';

/**
 * A pack's identity for a search index: when it changes, the pack is indexed again. The
 * row counts are read from the tables, not the pack row, so articles a user adds to their
 * own pack count as a change; so does an edit of one of its entities (other names,
 * description), which search shows.
 */
async function packSignature(db: BackstoryDatabase, pack: PackRow): Promise<string> {
  const [entities, articles, edits] = await Promise.all([
    rowsOfPack(db.entities, pack.id).count(),
    rowsOfPack(db.articles, pack.id).count(),
    rowsOfPack(db.entityEdits, pack.id).toArray(),
  ]);
  const lastEdit = edits.reduce((latest, edit) => Math.max(latest, edit.updatedAt), 0);
  return [pack.version, pack.updatedAt, entities, articles, edits.length, lastEdit].join('|');
}

/** Every pack's signature, by pack id. */
export async function packSignatures(db: BackstoryDatabase): Promise<Map<string, string>> {
  const packs = await db.packs.toArray();
  return new Map(await Promise.all(packs.map(async (p) => [p.id, await packSignature(db, p)] as const)));
}
