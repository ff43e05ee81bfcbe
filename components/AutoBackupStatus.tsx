import { useId } from 'preact/hooks';
import type { BackupSchedule } from '../lib/settings/settings';
import { formatByteSize } from '../lib/text/byte-size';
import { formatMoment } from '../lib/text/format-date';

export interface AutoBackupStatusProps {
  schedule: BackupSchedule;
  /** Whether the library holds anything of the user's own (automatic backups write only then). */
  hasOwnContent: boolean;
  last?: { at: number; bytes: number; fileName: string };
  /** Epoch milliseconds of the next scheduled backup, when one is scheduled. */
  next?: number;
  /** The last attempt that failed. */
  problem?: { at: number; message: string };
  busy: boolean;
  onScheduleChange(schedule: BackupSchedule): void;
  onBackUpNow(): void;
}

const SCHEDULE_LABELS: Record<BackupSchedule, string> = { weekly: 'Weekly', daily: 'Daily', off: 'Off' };

/** Automatic backups into the downloads folder: the last one, the next one, and how often. */
export function AutoBackupStatus({ schedule, hasOwnContent, last, next, problem, busy, onScheduleChange, onBackUpNow }: AutoBackupStatusProps) {
  const scheduleId = useId();
  return (
    <div class="auto-backup">
      <p class="muted small">
        Written into a “Backstory” folder in your downloads, and before each upgrade of the library’s format. The last 4 are kept; older ones Backstory wrote
        itself are deleted. Packs from addresses and files are in the backup too.
      </p>
      <dl class="auto-backup__facts">
        <dt>Last backup</dt>
        <dd>{last ? `${formatMoment(last.at)}, ${formatByteSize(last.bytes)} (${last.fileName})` : 'None yet'}</dd>
        <dt>Next backup</dt>
        <dd>
          {schedule === 'off'
            ? 'None: automatic backups are off'
            : !hasOwnContent
              ? 'Once your library holds something of your own (a saved article, an edit)'
              : next
                ? formatMoment(next)
                : 'Scheduled'}
        </dd>
      </dl>
      {problem && (
        <p class="report report--error">
          The automatic backup of {formatMoment(problem.at)} failed: {problem.message}
        </p>
      )}
      <p class="button-row auto-backup__controls">
        <label for={scheduleId}>Automatic backups</label>
        <select id={scheduleId} value={schedule} disabled={busy} onChange={(e) => onScheduleChange(e.currentTarget.value as BackupSchedule)}>
          {(Object.keys(SCHEDULE_LABELS) as BackupSchedule[]).map((value) => (
            <option key={value} value={value}>
              {SCHEDULE_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="button" class="button button--quiet" disabled={busy || !hasOwnContent} onClick={onBackUpNow}>
          Back up now
        </button>
      </p>
    </div>
  );
}
