/**
 * What Backstory keeps about backups and the library in storage.local, outside
 * IndexedDB: a browser that evicts or loses the database leaves these (extension
 * storage is not site data), so a loss is noticed and the newest backup is at hand.
 */
import { storage } from '@wxt-dev/storage';
import type { BackstoryDatabase } from '../db/database';
import type { BackupRecord } from '../kb/auto-backup-plan';
import { countLibrary, findLibraryLoss, nextMarker, type LibraryLoss, type LibraryMarker } from '../kb/library-marker';

/** What the library held when it last changed. */
const libraryMarkerItem = storage.defineItem<LibraryMarker | null>('local:libraryMarker', { fallback: null, version: 1 });

/** A loss found at start, until the user restores or starts over. */
export const libraryLossItem = storage.defineItem<LibraryLoss | null>('local:libraryLoss', { fallback: null, version: 1 });

export interface AutoBackupState {
  /** The automatic backups written and not yet removed, newest first. */
  records: BackupRecord[];
  /** The last attempt that failed, cleared by the next that works. */
  problem?: { at: number; message: string };
}

export const autoBackupStateItem = storage.defineItem<AutoBackupState>('local:autoBackups', { fallback: { records: [] }, version: 1 });

/**
 * A copy of the newest automatic backup (gzip, base64), for one-click restore: the
 * extension cannot read back a file it downloaded, and IndexedDB or OPFS would be
 * evicted with the library they are meant to restore.
 */
export interface StoredBackup {
  fileName: string;
  at: number;
  base64: string;
}

export const latestBackupItem = storage.defineItem<StoredBackup | null>('local:latestBackup', { fallback: null, version: 1 });

/** Records what the library holds now, unless it was found lost (then the old record stands until the user decides). */
export async function recordLibraryMarker(db: BackstoryDatabase, now = Date.now()): Promise<void> {
  if (await libraryLossItem.getValue()) return;
  const next = nextMarker((await libraryMarkerItem.getValue()) ?? undefined, await countLibrary(db), now);
  if (next) await libraryMarkerItem.setValue(next);
}

/** At start: compares the library with the marker, and keeps any loss found for the pages to show. */
export async function noticeLibraryLoss(db: BackstoryDatabase, now = Date.now()): Promise<LibraryLoss | undefined> {
  const known = await libraryLossItem.getValue();
  if (known) return known;
  const loss = findLibraryLoss((await libraryMarkerItem.getValue()) ?? undefined, await countLibrary(db), now);
  if (loss) await libraryLossItem.setValue(loss);
  return loss;
}

/** After a restore, or when the user chooses to start over: the library as it is now becomes the record. */
export async function settleLibraryLoss(db: BackstoryDatabase, now = Date.now()): Promise<void> {
  await libraryLossItem.setValue(null);
  const counts = await countLibrary(db);
  await libraryMarkerItem.setValue({ ...counts, at: now });
}
