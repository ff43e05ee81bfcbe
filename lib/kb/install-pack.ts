import type { BackstoryDatabase } from '../db/database';
import type { PackSource } from '../db/rows';
import { bumpRevision } from '../db/revision';
import type { Pack } from '../pack/schema';
import { packToRows } from './pack-to-rows';
import { compareSemver } from './semver';

export interface InstallPackOptions {
  source: PackSource;
  /** Replace even when the installed version is the same or newer. */
  replace?: boolean;
  now?: number;
}

export type InstallPackResult =
  | { status: 'installed'; packId: string; entities: number; articles: number }
  | { status: 'updated'; packId: string; entities: number; articles: number; previousVersion: string }
  | { status: 'already-installed'; packId: string; installedVersion: string };

/**
 * Writes a validated pack in one transaction: either all of it is in the knowledge
 * base or, after any failure (a full disk included), none of it, and what was there
 * before stays. A newer version replaces the old one inside the same transaction, so
 * readers see the old version until the new one is complete.
 */
export async function installPack(
  db: BackstoryDatabase,
  pack: Pack,
  options: InstallPackOptions,
): Promise<InstallPackResult> {
  const packId = pack.pack.id;
  const now = options.now ?? Date.now();
  // Building rows is pure work: done before the transaction so it stays short.
  const rows = packToRows(pack, { source: options.source, now });

  return db.transaction('rw', [db.packs, db.entities, db.articles, db.mentions, db.meta], async () => {
    const existing = await db.packs.get(packId);
    if (existing && !options.replace && compareSemver(pack.pack.version, existing.version) <= 0) {
      return { status: 'already-installed', packId, installedVersion: existing.version } as const;
    }
    if (existing) {
      await deletePackContent(db, packId);
      rows.pack.installedAt = existing.installedAt;
      rows.pack.enabled = existing.enabled;
    }
    await db.packs.put(rows.pack);
    await db.entities.bulkAdd(rows.entities);
    await db.articles.bulkAdd(rows.articles);
    await db.mentions.bulkAdd(rows.mentions);
    await bumpRevision(db);
    const counts = { packId, entities: rows.entities.length, articles: rows.articles.length };
    return existing
      ? ({ status: 'updated', previousVersion: existing.version, ...counts } as const)
      : ({ status: 'installed', ...counts } as const);
  });
}

/** Removes a pack and everything it brought, in one transaction. */
export async function removePack(db: BackstoryDatabase, packId: string): Promise<boolean> {
  return db.transaction('rw', [db.packs, db.entities, db.articles, db.mentions, db.meta], async () => {
    if (!(await db.packs.get(packId))) return false;
    await deletePackContent(db, packId);
    await db.packs.delete(packId);
    await bumpRevision(db);
    return true;
  });
}

/** Turns a pack's highlighting on or off; its articles stay searchable. */
export async function setPackEnabled(db: BackstoryDatabase, packId: string, enabled: boolean): Promise<void> {
  await db.transaction('rw', [db.packs, db.meta], async () => {
    const changed = await db.packs.update(packId, { enabled });
    if (changed) await bumpRevision(db);
  });
}

async function deletePackContent(db: BackstoryDatabase, packId: string): Promise<void> {
  await db.entities.where('packId').equals(packId).delete();
  await db.articles.where('packId').equals(packId).delete();
  await db.mentions.where('packId').equals(packId).delete();
}
