import { describe, expect, it } from 'vitest';
import { backupFileName, pruneBackups, shouldBackUp, type BackupRecord } from '../../../lib/kb/auto-backup-plan';

const DAY = 24 * 60 * 60_000;

function record(at: number, revision = 1): BackupRecord {
  return { downloadId: at, fileName: backupFileName(at), at, bytes: 100, revision, reason: 'schedule' };
}

describe('shouldBackUp', () => {
  const base = { schedule: 'weekly' as const, reason: 'schedule' as const, ownItems: 3, revision: 5 };

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

  it('writes none when off, unless asked for', () => {
    expect(shouldBackUp({ ...base, schedule: 'off' })).toBe(false);
    expect(shouldBackUp({ ...base, schedule: 'off', reason: 'upgrade' })).toBe(false);
    expect(shouldBackUp({ ...base, schedule: 'off', reason: 'now' })).toBe(true);
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
