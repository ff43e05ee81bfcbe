import { useEffect, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { LibraryLossNotice } from '../../components/LibraryLossNotice';
import { useStoredItem } from '../../hooks/use-stored-item';
import { getDatabase } from '../../lib/db/database';
import { autoBackupStateItem, latestBackupItem, libraryLossItem, noticeLibraryLoss, settleLibraryLoss } from '../../lib/extension/backup-items';
import { base64ToBytes } from '../../lib/text/base64';
import { countOf } from '../../lib/text/plural';
import { restoreLibrary } from './restore-library';

/**
 * At the top of the options page: the library was found missing what it held (here, or
 * by the background at start), and one click puts the newest automatic backup back.
 */
export function LibraryLossBanner() {
  const loss = useStoredItem(libraryLossItem);
  // Only the newest record is read to show the notice; the stored copy (megabytes) only to restore it.
  const newest = useStoredItem(autoBackupStateItem)?.records[0];
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReportProps>();

  useEffect(() => {
    void noticeLibraryLoss(getDatabase()).catch((error: unknown) => console.error('Backstory: could not compare the library with its marker', error));
  }, []);

  async function restoreStored() {
    const stored = await latestBackupItem.getValue();
    if (!stored) {
      setReport({ tone: 'error', summary: 'The copy of the newest backup is gone. Restore from a file instead.' });
      return;
    }
    await restore(() => base64ToBytes(stored.base64), stored.fileName.split('/').pop() ?? stored.fileName);
  }

  async function restore(read: () => Uint8Array | Promise<Uint8Array>, fileName: string) {
    setBusy(true);
    setReport({ tone: 'success', summary: `Restoring from ${fileName}…` });
    try {
      const outcome = await restoreLibrary(await read(), fileName);
      setReport(
        outcome.ok
          ? { tone: 'success', summary: `Your library is back: ${countOf(outcome.packs, 'pack')}, ${countOf(outcome.entityEdits, 'entity edit')} and your settings.` }
          : { tone: 'error', summary: outcome.summary, issues: outcome.issues, total: outcome.total },
      );
    } finally {
      setBusy(false);
    }
  }

  if (!loss) return report ? <ImportReport {...report} /> : null;
  return (
    <>
      <LibraryLossNotice
        loss={loss}
        stored={newest}
        busy={busy}
        onRestore={() => void restoreStored()}
        onPickFile={(file) => void restore(async () => new Uint8Array(await file.arrayBuffer()), file.name)}
        onStartOver={() => void settleLibraryLoss(getDatabase())}
      />
      {report && <ImportReport {...report} />}
    </>
  );
}
