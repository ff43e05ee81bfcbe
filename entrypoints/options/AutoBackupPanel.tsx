import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AutoBackupStatus } from '../../components/AutoBackupStatus';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { useSettings } from '../../hooks/use-settings';
import { useStoredItem } from '../../hooks/use-stored-item';
import { getDatabase } from '../../lib/db/database';
import { autoBackupStateItem } from '../../lib/extension/backup-items';
import { AUTO_BACKUP_ALARM, nextBackupAt } from '../../lib/kb/auto-backup-plan';
import { countLibrary } from '../../lib/kb/library-marker';
import { createMessageClient } from '../../lib/messages/client';
import { useLiveQuery } from './use-live-query';

const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));

/** Automatic backups: their state from extension storage and the alarm, their schedule from the settings. */
export function AutoBackupPanel() {
  const [settings, changeSettings] = useSettings();
  const state = useStoredItem(autoBackupStateItem);
  const ownItems = useLiveQuery(() => countLibrary(getDatabase()).then((counts) => counts.ownItems), []);
  const [nextCheck, setNextCheck] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReportProps>();

  useEffect(() => {
    void browser.alarms.get(AUTO_BACKUP_ALARM).then((alarm) => setNextCheck(alarm?.scheduledTime));
  }, [settings?.backupSchedule, state]);

  async function backUpNow() {
    setBusy(true);
    try {
      const { written } = await client.send('backup.now', {});
      setReport(written ? { tone: 'success', summary: 'Backup written to the “Backstory” folder of your downloads.' } : { tone: 'error', summary: 'No backup was written.' });
    } catch (error) {
      setReport({ tone: 'error', summary: `No backup was written: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  // Until the library is counted too: a panel shown before would say it holds nothing of the user's own.
  if (!settings || !state || ownItems === undefined) return <p class="muted">Loading…</p>;
  const last = state.records[0];
  return (
    <>
      <AutoBackupStatus
        schedule={settings.backupSchedule}
        hasOwnContent={ownItems > 0}
        last={last}
        next={nextBackupAt({ schedule: settings.backupSchedule, last, nextCheck })}
        problem={state.problem}
        busy={busy}
        onScheduleChange={(backupSchedule) => void changeSettings({ backupSchedule })}
        onBackUpNow={() => void backUpNow()}
      />
      {report && <ImportReport {...report} />}
    </>
  );
}
