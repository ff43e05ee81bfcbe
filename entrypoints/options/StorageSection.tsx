import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { RestoreConfirm } from '../../components/RestoreConfirm';
import { StorageUsage } from '../../components/StorageUsage';
import { getDatabase } from '../../lib/db/database';
import { loadSettings } from '../../lib/extension/settings-item';
import { checkBackupFile, createBackup, summarizeBackup, type BackupSummary } from '../../lib/kb/backup';
import { estimatePackSizes } from '../../lib/kb/storage-usage';
import { countLibrary } from '../../lib/kb/library-marker';
import type { LibraryTally } from '../../lib/kb/restore-losses';
import { AutoBackupPanel } from './AutoBackupPanel';
import { OpenFormatsExport } from './OpenFormatsExport';
import { restoreLibrary } from './restore-library';
import { saveJsonFile } from './save-file';
import { useLiveQuery } from './use-live-query';
import { countOf } from '../../lib/text/plural';

/** A checked backup waiting for the user's answer. */
interface PendingRestore {
  fileName: string;
  bytes: Uint8Array;
  backup: BackupSummary;
  library: LibraryTally;
}

interface Usage {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** Storage use, persistence, and a full backup to one file and back. */
export function StorageSection() {
  const revision = useLiveQuery(() => getDatabase().meta.get('revision').then((r) => r?.value ?? 0), []);
  const [usage, setUsage] = useState<Usage>({});
  const [sizes, setSizes] = useState<Array<{ id: string; name: string; bytes: number }>>();
  const [report, setReport] = useState<ImportReportProps>();
  const [busy, setBusy] = useState(false);
  const restoreInput = useRef<HTMLInputElement>(null);
  const [pendingRestore, setPendingRestore] = useState<PendingRestore>();

  async function measure() {
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    setUsage({ usage: estimate.usage, quota: estimate.quota, persisted });
  }

  useEffect(() => {
    void measure();
    const db = getDatabase();
    void Promise.all([estimatePackSizes(db), db.packs.toArray()]).then(([bytes, packs]) =>
      setSizes(packs.map((p) => ({ id: p.id, name: p.name, bytes: bytes.get(p.id) ?? 0 })).sort((a, b) => b.bytes - a.bytes)),
    );
  }, [revision]);

  async function persist() {
    const granted = await navigator.storage.persist();
    await measure();
    if (!granted) setReport({ tone: 'error', summary: 'The browser did not agree to keep your library safe. It may agree later, after you use Backstory more; keep a backup meanwhile.' });
  }

  async function backup() {
    const data = await createBackup(getDatabase(), { settings: await loadSettings() });
    saveJsonFile(`backstory-backup-${new Date().toISOString().slice(0, 10)}.json`, data);
    setReport({ tone: 'success', summary: `Backup saved: ${countOf(data.packs.length, 'pack')}, ${countOf(data.entityEdits.length, 'entity edit')} and your settings.` });
  }

  /** First step of a restore: the file is read and checked whole, then the user is asked with what it holds. */
  async function checkRestoreFile(file: File | undefined) {
    if (!file) return;
    if (restoreInput.current) restoreInput.current.value = '';
    setBusy(true);
    setReport({ tone: 'success', summary: `Checking ${file.name}…` });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = await checkBackupFile(bytes, file.name);
      if (!check.ok) {
        setReport({ tone: 'error', summary: check.summary, issues: check.issues, total: check.total });
        return;
      }
      setReport(undefined);
      setPendingRestore({ fileName: file.name, bytes, backup: summarizeBackup(check.backup), library: await countLibrary(getDatabase()) });
    } catch (error) {
      console.error('Backstory: could not read the backup', error);
      setReport({ tone: 'error', summary: `${file.name} could not be read. Your library is unchanged.` });
    } finally {
      setBusy(false);
    }
  }

  async function restore(pending: PendingRestore) {
    setPendingRestore(undefined);
    setBusy(true);
    setReport({ tone: 'success', summary: `Restoring from ${pending.fileName}…` });
    try {
      // Writing runs in the worker (which checks the file again), so a big library does not freeze the page.
      const outcome = await restoreLibrary(pending.bytes, pending.fileName);
      if (!outcome.ok) {
        setReport({ tone: 'error', summary: outcome.summary, issues: outcome.issues, total: outcome.total });
        return;
      }
      setReport({ tone: 'success', summary: `Restored ${countOf(outcome.packs, 'pack')}, ${countOf(outcome.entityEdits, 'entity edit')} and your settings.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage and backup</h2>
      <StorageUsage {...usage} packs={sizes} onPersist={() => void persist()} />
      <h3>Automatic backups</h3>
      <AutoBackupPanel />
      <h3>Backup</h3>
      <p class="muted small">One file with every pack, your own articles, your entity edits and your settings.</p>
      <p class="button-row">
        <button type="button" class="button" onClick={() => void backup()} disabled={busy}>
          Download backup
        </button>
        <label class={`button button--quiet ${busy ? 'button--busy' : ''}`}>
          Restore from backup…
          <input ref={restoreInput} class="visually-hidden" type="file" accept=".json,.gz,application/json" disabled={busy} onChange={(e) => void checkRestoreFile(e.currentTarget.files?.[0])} />
        </label>
      </p>
      {report && <ImportReport {...report} />}
      <OpenFormatsExport />
      {pendingRestore && (
        <RestoreConfirm
          fileName={pendingRestore.fileName}
          backup={pendingRestore.backup}
          library={pendingRestore.library}
          onConfirm={() => void restore(pendingRestore)}
          onCancel={() => {
            setPendingRestore(undefined);
            setReport({ tone: 'success', summary: 'Restore cancelled. Your library is unchanged.' });
          }}
        />
      )}
    </section>
  );
}
