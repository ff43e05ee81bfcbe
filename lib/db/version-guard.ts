import type { BackstoryDatabase } from './database';

/**
 * Dexie multiplies declared versions by ten for IndexedDB, and adds one when it has to
 * patch a schema that was extended without a new version number.
 */
const DEXIE_VERSION_FACTOR = 10;

/** Thrown before any write to a database that a newer Backstory has upgraded. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly storedVersion: number,
    readonly knownVersion: number,
  ) {
    super(`The library was saved by a newer version of Backstory (database version ${storedVersion}; this one knows ${knownVersion}).`);
  }
}

/**
 * The database version a newer Backstory left, or undefined when this build knows it.
 *
 * Dexie 4 opens a database of a higher version when our tables are compatible, so
 * reading keeps working after a downgrade (highlights, search). Writing does not: a
 * newer version may keep rows of another shape or invariants this build cannot know,
 * so a write could corrupt what the newer version will read back. Opens the database.
 */
export async function newerStoredVersion(db: BackstoryDatabase): Promise<number | undefined> {
  if (!db.isOpen()) await db.open();
  const stored = Math.floor(db.backendDB().version / DEXIE_VERSION_FACTOR);
  return stored > db.verno ? stored : undefined;
}

/** Refuses to write to a database that a newer Backstory has upgraded; see {@link newerStoredVersion}. */
export async function assertWritableVersion(db: BackstoryDatabase): Promise<void> {
  const stored = await newerStoredVersion(db);
  if (stored !== undefined) throw new NewerDatabaseError(stored, db.verno);
}
