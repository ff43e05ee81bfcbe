import { getDatabase } from '../../lib/db/database';
import { settleLibraryLoss } from '../../lib/extension/backup-items';
import { updateSettings } from '../../lib/extension/settings-item';
import type { RestoreOutcome } from '../../lib/kb/backup';
import { normalizeSettings } from '../../lib/settings/settings';
import { runRestoreInWorker } from '../../workers/library-worker';

/**
 * Replaces the library with a backup file's: checked whole and written in one
 * transaction by the library worker, then its settings, then the library as restored
 * becomes the record a later loss is measured against (and any loss notice goes).
 */
export async function restoreLibrary(bytes: Uint8Array, fileName: string): Promise<RestoreOutcome> {
  const outcome = await runRestoreInWorker({ bytes, fileName });
  if (!outcome.ok) return outcome;
  await updateSettings(normalizeSettings(outcome.settings));
  await settleLibraryLoss(getDatabase());
  return outcome;
}
