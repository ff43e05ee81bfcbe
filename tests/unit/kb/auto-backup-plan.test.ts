import { describe, expect, it } from 'vitest';
import { BACKUP_CHECK_MINUTES, backupFileName, nextBackupAt, pruneBackups, shouldBackUp, type BackupRecord } from '../../../lib/kb/auto-backup-plan';

const DAY = 24 * 60 * 60_000;

function record(at: number, revision = 1): BackupRecord {
  return { downloadId: at, fileName: backupFileName(at), at, bytes: 100, revision, reason: 'schedule' };
}

describe('shouldBackUp', () => {
  const base = { schedule: 'weekly' as const, reason: 'schedule' as const, ownItems: 3, revision: 5, now: 8 * DAY };

  it('backs up a library with something of the user’s own, on the schedule', () => {
    expect(shouldBackUp(base)).toBe(true);
    expect(shouldBackUp({ ...base, last: record(1, 4) })).toBe(true);
  });

  it('writes nothing for a library of packs that come back by themselves', () => {
    expect(shouldBackUp({ ...base, ownItems: 0 })).toBe(false);
    expect(shouldBackUp({ ...base, ownItems: 0, reason: 'now' })).toBe(false);
  });

  it('skips a scheduled backup of an unchanged library, not one before an upgrade or asked for', () => {
    expect(shouldBackUp({ ...base, last: record(1, 5) })).toBe(false);
    expect(shouldBackUp({ ...base, reason: 'upgrade', last: record(1, 5) })).toBe(true);
    expect(shouldBackUp({ ...base, reason: 'now', last: record(1, 5) })).toBe(true);
  });

  it('writes the first one at the first check, then one per period of the schedule', () => {
    expect(shouldBackUp({ ...base, now: 1 })).toBe(true);
    const last = record(DAY, 4);
    expect(shouldBackUp({ ...base, last, now: DAY + 6 * DAY })).toBe(false);
    expect(shouldBackUp({ ...base, last, now: DAY + 7 * DAY - 60_000 })).toBe(true);
    expect(shouldBackUp({ ...base, schedule: 'daily', last, now: DAY + 12 * 60 * 60_000 })).toBe(false);
    expect(shouldBackUp({ ...base, schedule: 'daily', last, now: 2 * DAY })).toBe(true);
  });

  it('writes none when off, unless asked for', () => {
    expect(shouldBackUp({ ...base, schedule: 'off' })).toBe(false);
    expect(shouldBackUp({ ...base, schedule: 'off', reason: 'upgrade' })).toBe(false);
    expect(shouldBackUp({ ...base, schedule: 'off', reason: 'now' })).toBe(true);
  });
});

describe('nextBackupAt', () => {
  const HOUR = BACKUP_CHECK_MINUTES * 60_000;

  it('is the next check while there is no backup yet', () => {
    expect(nextBackupAt({ schedule: 'weekly', nextCheck: 5 * HOUR })).toBe(5 * HOUR);
  });

  it('is the first check once the period since the last backup has passed', () => {
    expect(nextBackupAt({ schedule: 'weekly', last: record(0), nextCheck: HOUR })).toBe(7 * DAY);
    expect(nextBackupAt({ schedule: 'daily', last: record(0), nextCheck: 30 * HOUR })).toBe(30 * HOUR);
  });

  it('is none when off or no check is planned', () => {
    expect(nextBackupAt({ schedule: 'off', last: record(0), nextCheck: HOUR })).toBeUndefined();
    expect(nextBackupAt({ schedule: 'weekly' })).toBeUndefined();
  });
});

describe('backupFileName', () => {
  it('names a gzip file in the Backstory folder, sortable by time', () => {
    expect(backupFileName(Date.UTC(2026, 11, 6, 4, 5))).toBe('Backstory/backstory-backup-2026-12-06-0405.json.gz');
  });
});

describe('pruneBackups', () => {
  it('keeps the newest four and gives the rest to remove, whatever the order recorded', () => {
    const records = [3, 1, 6, 2, 5, 4].map((day) => record(day * DAY));
    const { kept, removed } = pruneBackups(records);
    expect(kept.map((r) => r.at / DAY)).toEqual([6, 5, 4, 3]);
    expect(removed.map((r) => r.at / DAY)).toEqual([2, 1]);
  });

  it('removes nothing while there are few', () => {
    expect(pruneBackups([record(1)]).removed).toEqual([]);
  });
});
