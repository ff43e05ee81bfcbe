import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { StorageUsage } from '../../components/StorageUsage';
import { getDatabase } from '../../lib/db/database';
import { loadSettings, updateSettings } from '../../lib/extension/settings-item';
import { checkBackup, createBackup, restoreBackup } from '../../lib/kb/backup';
import { estimatePackSizes } from '../../lib/kb/storage-usage';
import { readPackBytes } from '../../lib/pack/read';
import { normalizeSettings } from '../../lib/settings/settings';
import { notifyBackground } from './notify-background';
import { saveJsonFile } from './save-file';
import { useLiveQuery } from './use-live-query';

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
    setReport({ tone: 'success', summary: `Backup saved: ${plural(data.packs.length, 'pack')}, ${plural(data.entityEdits.length, 'entity edit')} and your settings.` });
  }

  async function restore(file: File | undefined) {
    if (!file) return;
    if (restoreInput.current) restoreInput.current.value = '';
    setBusy(true);
    try {
      const read = await readPackBytes(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) {
        setReport({ tone: 'error', summary: `${file.name} cannot be read as a backup: ${read.message} Your library is unchanged.` });
        return;
      }
      const check = checkBackup(read.data);
      if (!check.ok) {
        setReport({ tone: 'error', summary: `${check.summary} Your library is unchanged.`, issues: check.issues, total: check.total });
        return;
      }
      const count = check.backup.packs.length;
      if (!confirm(`Replace your whole library with the backup of ${check.backup.created.slice(0, 10)} (${count} packs)? What is not in the backup will be gone.`)) return;
      await restoreBackup(getDatabase(), check.backup);
      await updateSettings(normalizeSettings(check.backup.settings));
      await notifyBackground();
      setReport({ tone: 'success', summary: `Restored ${plural(count, 'pack')}, ${plural(check.backup.entityEdits.length, 'entity edit')} and your settings.` });
    } catch (error) {
      console.error('Backstory: restore failed', error);
      setReport({ tone: 'error', summary: 'The backup could not be written (the disk may be full). Your library is unchanged.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage and backup</h2>
      <StorageUsage {...usage} packs={sizes} onPersist={() => void persist()} />
      <h3>Backup</h3>
      <p class="muted small">One file with every pack, your own articles, your entity edits and your settings.</p>
      <p class="button-row">
        <button type="button" class="button" onClick={() => void backup()} disabled={busy}>
          Download backup
        </button>
        <label class={`button button--quiet ${busy ? 'button--busy' : ''}`}>
          Restore from backup…
          <input ref={restoreInput} class="visually-hidden" type="file" accept=".json,.gz,application/json" disabled={busy} onChange={(e) => void restore(e.currentTarget.files?.[0])} />
        </label>
      </p>
      {report && <ImportReport {...report} />}
    </section>
  );
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}
