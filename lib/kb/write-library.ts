import Dexie, { type Table, type Transaction } from 'dexie';
import type { BackstoryDatabase } from '../db/database';
import { bumpRevision } from '../db/revision';
import { assertWritableVersion } from '../db/version-guard';
import { announceLibraryChange } from './library-changes';

export interface WriteLibraryOptions<T> {
  /** Whether `body` changed anything (by its result); when not, no revision and no announcement. */
  changed?: (result: T) => boolean;
}

/**
 * The one way to change the library. In order: refuses a database a newer Backstory
 * upgraded (NewerDatabaseError, nothing written), runs `body` in one read-write
 * transaction over `tables` (plus `meta`), bumps the revision inside it, and after the
 * commit announces the new revision (lib/kb/library-changes.ts) so the background
 * rebuilds its matcher and search index and tabs rescan.
 *
 * Called inside another `writeLibrary` (a restore writes packs), it joins that
 * transaction and leaves the announcement to the outer call, which alone commits.
 * The announcement never throws: once the transaction has committed, the write stands.
 */
export async function writeLibrary<T>(
  db: BackstoryDatabase,
  tables: readonly Table[],
  body: (tx: Transaction) => Promise<T>,
  options: WriteLibraryOptions<T> = {},
): Promise<T> {
  const nested = Dexie.currentTransaction !== null && Dexie.currentTransaction !== undefined;
  if (!nested) await assertWritableVersion(db);
  let revision: number | undefined;
  const result = await db.transaction('rw', [...tables, db.meta], async (tx) => {
    const value = await body(tx);
    if (options.changed?.(value) ?? true) revision = await bumpRevision(db);
    return value;
  });
  if (!nested && revision !== undefined) announceLibraryChange(revision);
  return result;
}

/**
 * Writes rows that no reader sees yet: the chunks of a staged import and their clean-up
 * (lib/kb/staged-pack.ts). The same version guard and one read-write transaction over
 * `tables`, but no revision and no announcement: nothing a reader sees has changed until
 * the staged pack is switched live, through {@link writeLibrary}. Never nested.
 */
export async function writeUnseenRows<T>(db: BackstoryDatabase, tables: readonly Table[], body: (tx: Transaction) => Promise<T>): Promise<T> {
  await assertWritableVersion(db);
  return db.transaction('rw', [...tables], body);
}
