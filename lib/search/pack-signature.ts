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

/**
 * Every pack's signature, by pack id. One pack after another: asked all at once, 50 feed
 * packs' 150 reads were made in one stretch of 70 ms in the service worker.
 */
export async function packSignatures(db: BackstoryDatabase): Promise<Map<string, string>> {
  const signatures = new Map<string, string>();
  for (const pack of await db.packs.toArray()) signatures.set(pack.id, await packSignature(db, pack));
  return signatures;
}
