import { useRef, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { PackList } from '../../components/PackList';
import { getDatabase } from '../../lib/db/database';
import type { PackRow } from '../../lib/db/rows';
import { removePack } from '../../lib/kb/install-pack';
import { importPackFile, notifyBackground } from './import-pack-file';
import { useLiveQuery } from './use-live-query';

/** Installed packs, importing a pack file, removing a pack. */
export function PacksSection() {
  const packs = useLiveQuery(() => getDatabase().packs.orderBy('id').toArray(), []);
  const [report, setReport] = useState<ImportReportProps>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setReport({ tone: 'success', summary: `Importing ${file.name}…` });
    const outcome = await importPackFile(file);
    setBusy(false);
    if (fileInput.current) fileInput.current.value = '';
    if (!outcome.ok) {
      setReport({ tone: 'error', summary: outcome.summary, issues: outcome.issues, total: outcome.total });
      return;
    }
    const r = outcome.result;
    setReport({
      tone: 'success',
      summary:
        r.status === 'already-installed'
          ? `${outcome.packName} version ${r.installedVersion} is already installed. Nothing changed.`
          : `${r.status === 'updated' ? 'Updated' : 'Imported'} ${outcome.packName}: ${r.entities} entities, ${r.articles} articles.`,
    });
  }

  async function onRemove(pack: PackRow) {
    if (!confirm(`Remove “${pack.name}” and its ${pack.articleCount} articles from your library?`)) return;
    await removePack(getDatabase(), pack.id);
    await notifyBackground();
    setReport({ tone: 'success', summary: `Removed ${pack.name}.` });
  }

  return (
    <section class="panel" aria-labelledby="packs-title">
      <div class="panel__header">
        <h2 id="packs-title">Packs</h2>
        <label class={`button ${busy ? 'button--busy' : ''}`}>
          Import pack file…
          <input
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept=".json,.gz,application/json,application/gzip"
            disabled={busy}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {report && <ImportReport {...report} />}
      {packs === undefined ? <p class="muted">Loading…</p> : <PackList packs={packs} onRemove={(p) => void onRemove(p)} />}
    </section>
  );
}
