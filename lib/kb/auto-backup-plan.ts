import type { BackupSchedule } from '../settings/settings';

/**
 * When automatic backups are written, what they are called, and which old ones go.
 * Pure: the background (entrypoints/background/auto-backup.ts) does the writing.
 */

/** The browser.alarms name of the schedule (the options page reads its next time). */
export const AUTO_BACKUP_ALARM = 'backstory-auto-backup';

const MINUTES_PER_DAY = 24 * 60;

/** The period of each schedule, in minutes. */
const BACKUP_PERIOD_MINUTES: Readonly<Record<Exclude<BackupSchedule, 'off'>, number>> = {
  weekly: 7 * MINUTES_PER_DAY,
  daily: MINUTES_PER_DAY,
};

/**
 * How often the alarm asks whether a backup is due (browser.alarms, so a sleeping service
 * worker wakes for it). Hourly rather than once a period: the first backup follows within
 * the hour the library first holds something of the user's own, not a week later.
 */
export const BACKUP_CHECK_MINUTES = 60;
/** A scheduled check this close to the period's end counts as on time (the alarm is not exact). */
const ON_TIME_SLACK_MS = 5 * 60_000;

/** How many automatic backups are kept in the downloads folder. */
const KEPT_BACKUPS = 4;

/** The folder inside the user's downloads folder. */
const BACKUP_FOLDER = 'Backstory';

/** One automatic backup Backstory wrote, as recorded in extension storage. */
export interface BackupRecord {
  /** The downloads API's id: the only handle Backstory uses to remove its own files. */
  downloadId: number;
  /** Path relative to the downloads folder, as asked for. */
  fileName: string;
  /** Epoch milliseconds. */
  at: number;
  bytes: number;
  /** The library's revision it holds. */
  revision: number;
  /** Why it was written. */
  reason: BackupReason;
}

export type BackupReason = 'schedule' | 'upgrade' | 'now';

/**
 * Whether to write a backup now. Only a library holding something of the user's own
 * is backed up (packs from files, addresses and the extension come back otherwise); a
 * scheduled one is due when there is none yet or the schedule's period has passed since
 * the last, and skipped when nothing changed since the last, so the few kept are not all
 * the same.
 */
export function shouldBackUp(input: {
  schedule: BackupSchedule;
  reason: BackupReason;
  ownItems: number;
  revision: number;
  last?: BackupRecord;
  now: number;
}): boolean {
  if (input.ownItems === 0) return false;
  if (input.reason === 'now') return true;
  if (input.schedule === 'off') return false;
  if (input.reason === 'upgrade') return true;
  return periodPassed(input) && input.last?.revision !== input.revision;
}

/** Whether a scheduled backup may be due by the clock alone: none yet, or the schedule's period has passed since the last (checked before the library is counted). */
export function periodPassed({ schedule, last, now }: { schedule: BackupSchedule; last?: BackupRecord; now: number }): boolean {
  if (schedule === 'off') return false;
  return !last || now + ON_TIME_SLACK_MS >= last.at + BACKUP_PERIOD_MINUTES[schedule] * 60_000;
}

/**
 * When the next scheduled backup will be written, for the options page: the first check
 * after the period since the last one; with none yet, the next check (if the library then
 * holds something of the user's own).
 */
export function nextBackupAt(input: { schedule: BackupSchedule; last?: BackupRecord; nextCheck?: number }): number | undefined {
  if (input.schedule === 'off' || input.nextCheck === undefined) return undefined;
  if (!input.last) return input.nextCheck;
  const due = input.last.at + BACKUP_PERIOD_MINUTES[input.schedule] * 60_000;
  if (due <= input.nextCheck) return input.nextCheck;
  const checks = Math.ceil((due - ON_TIME_SLACK_MS - input.nextCheck) / (BACKUP_CHECK_MINUTES * 60_000));
  return input.nextCheck + Math.max(0, checks) * BACKUP_CHECK_MINUTES * 60_000;
}

/** The file name of a backup written at `now`, inside {@link BACKUP_FOLDER}; sortable by time. */
export function backupFileName(now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `${BACKUP_FOLDER}/backstory-backup-${stamp}.json.gz`;
}

/** The records to keep (newest first) and those whose files Backstory removes. */
export function pruneBackups(records: readonly BackupRecord[], keep = KEPT_BACKUPS): { kept: BackupRecord[]; removed: BackupRecord[] } {
  const newestFirst = [...records].sort((a, b) => b.at - a.at);
  return { kept: newestFirst.slice(0, keep), removed: newestFirst.slice(keep) };
}
