import { useState } from 'preact/hooks';
import { ImportProgress } from '../../components/ImportProgress';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { PackList } from '../../components/PackList';
import { PackSourcePicker } from '../../components/PackSourcePicker';
import { UndoNotice } from '../../components/UndoNotice';
import { getDatabase } from '../../lib/db/database';
import type { PackRow } from '../../lib/db/rows';
import { exportPack, packFileName } from '../../lib/kb/export-pack';
import { IMPORT_STAGES } from '../../lib/kb/import-pipeline';
import { setPackEnabled } from '../../lib/kb/install-pack';
import { removePackWithUndo, undoRefusal, undoRemovePack, type RemovedPack } from '../../lib/kb/pack-undo';
import { purgeRemovedPack } from '../../lib/kb/removed-packs';
import { DEFAULT_REFRESH_DAYS, loadRefreshDays, REFRESH_CHOICES, setRefreshDays } from '../../lib/kb/wikidata-packs';
import { checkPackUpdate, dailyCheckKey, setDailyCheck, updateStateKey, type PackUpdateState } from '../../lib/kb/pack-updates';
import { STAGE_LABELS, describeOutcome } from './import/import-messages';
import { inputLabel, usePackImport, type ImportInput } from './import/use-pack-import';
import { runImportInWorker } from '../../workers/library-worker';
import { saveJsonFile } from './save-file';
import { useLiveQuery } from './use-live-query';
import { useUndoCountdown } from '../../hooks/use-undo-countdown';

const UNITS = { download: 'bytes', read: 'bytes', validate: 'items', prepare: 'articles', write: 'rows' } as const;


/** Turns a pack's highlighting on or off; open tabs follow at once. */
async function onToggle(pack: PackRow, enabled: boolean) {
  await setPackEnabled(getDatabase(), pack.id, enabled);
}

/** Saves a pack as a pack file. */
async function onExport(pack: PackRow) {
  const file = await exportPack(getDatabase(), pack.id);
  if (file) saveJsonFile(packFileName(pack), file);
}

/** "Checked Nov 27, 13:40: up to date." */
function updateNote(state: PackUpdateState): string {
  const when = new Date(state.checkedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  if (state.outcome === 'updated') return `Updated to version ${state.version} on ${when}.`;
  if (state.outcome === 'up-to-date') return `Checked for updates ${when}: up to date.`;
  return `Checked for updates ${when}: ${state.message ?? 'failed.'}`;
}

async function loadUpdateNotes(): Promise<Map<string, string>> {
  const rows = await getDatabase().meta.where('key').startsWith(updateStateKey('')).toArray();
  return new Map(rows.map((row) => [row.key.slice(updateStateKey('').length), updateNote(row.value as PackUpdateState)]));
}

async function loadDailyCheckOff(): Promise<Set<string>> {
  const rows = await getDatabase().meta.where('key').startsWith(dailyCheckKey('')).toArray();
  return new Set(rows.map((row) => row.key.slice(dailyCheckKey('').length)));
}

/** Installed packs: import (file, drop, address) with progress, highlight on/off, export, remove with undo, updates. */
export function PacksSection() {
  const packs = useLiveQuery(() => getDatabase().packs.orderBy('id').toArray(), []);
  const updateNotes = useLiveQuery(loadUpdateNotes, []);
  const dailyCheckOff = useLiveQuery(loadDailyCheckOff, []);
  const refreshDays = useLiveQuery(() => loadRefreshDays(getDatabase()), []);
  const [checking, setChecking] = useState<string>();
  const [report, setReport] = useState<ImportReportProps>();
  // The Undo offer over, the removed pack's rows are deleted, a short transaction at a time.
  const undo = useUndoCountdown<RemovedPack>((removed) => void purgeRemovedPack(getDatabase(), removed.pack.id).catch((error: unknown) => console.warn('Backstory: rows of a removed pack left for the next start', error)));
  const { running, run } = usePackImport();

  async function start(input: ImportInput, replace = false) {
    setReport(undefined);
    const outcome = await run(input, { replace });
    const described = describeOutcome(outcome, inputLabel(input));
    if (outcome.ok && outcome.result.status === 'already-installed') {
      described.action = { label: 'Replace anyway', onClick: () => void start(input, true) };
    } else if (!outcome.ok && outcome.code === 'other-source') {
      described.action = { label: `Replace ${outcome.packName ?? 'it'}`, onClick: () => void start(input, true) };
    }
    setReport(described);
  }


  async function onCheckUpdate(pack: PackRow) {
    setChecking(pack.name);
    setReport(undefined);
    try {
      const state = await checkPackUpdate(getDatabase(), pack.id, {
        fetch: (url, init) => fetch(url, init),
        // Installing a big update runs in the library worker, like any import.
        install: async (bytes, options) => {
          const outcome = await runImportInWorker({ bytes, source: options.source, expectedPackId: options.expectedPackId, replace: false }, () => undefined);
          return outcome.ok || outcome.code !== 'worker-failed' ? outcome : { ok: false, code: 'write-failed', issues: [], total: 0 };
        },
      });
      setReport(
        state?.outcome === 'failed'
          ? { tone: 'error', summary: `${pack.name}: ${state.message ?? 'the check failed.'}` }
          : { tone: 'success', summary: state?.outcome === 'updated' ? `Updated ${pack.name} to version ${state.version}.` : `${pack.name} is up to date.` },
      );
    } finally {
      setChecking(undefined);
    }
  }

  // No "are you sure?" first: the Undo notice is the safety net, and asking twice is noise.
  async function onRemove(pack: PackRow) {
    const rows = await removePackWithUndo(getDatabase(), pack.id);
    setReport(undefined);
    if (rows) undo.offer(rows);
  }

  async function onUndo() {
    const rows = undo.take();
    if (!rows) return;
    const outcome = await undoRemovePack(getDatabase(), rows);
    setReport(outcome === 'restored' ? { tone: 'success', summary: `Restored ${rows.pack.name}.` } : { tone: 'error', summary: undoRefusal(rows.pack.name, outcome) });
  }

  const stages = IMPORT_STAGES.filter((s) => s !== 'download' || running?.input.kind === 'url').map((id) => ({ id, label: STAGE_LABELS[id] }));
  return (
    <section class="panel" aria-labelledby="packs-title">
      <div class="panel__header">
        <h2 id="packs-title">Packs</h2>
      </div>
      <PackSourcePicker disabled={running !== undefined} onFile={(file) => void start({ kind: 'file', file })} onUrl={(url) => void start({ kind: 'url', url })} />
      {running && (
        <ImportProgress
          title={`Importing ${inputLabel(running.input)}`}
          stages={stages}
          current={running.progress.stage}
          done={running.progress.done}
          total={running.progress.total}
          unit={UNITS[running.progress.stage]}
          detail={running.progress.clearing ? 'Clearing an unfinished import…' : undefined}
        />
      )}
      {checking && (
        <p class="muted" role="status">
          Checking {checking} for updates…
        </p>
      )}
      {report && <ImportReport {...report} />}
      {undo.pending && <UndoNotice message={`Removed ${undo.pending.value.pack.name}.`} secondsLeft={undo.pending.secondsLeft} onUndo={() => void onUndo()} />}
      {packs === undefined ? (
        <p class="muted">Loading…</p>
      ) : (
        <PackList
          packs={packs}
          onToggle={(p, on) => void onToggle(p, on)}
          onExport={(p) => void onExport(p)}
          onRemove={(p) => void onRemove(p)}
          updateNotes={updateNotes}
          onCheckUpdate={(p) => void onCheckUpdate(p)}
          dailyCheckOff={dailyCheckOff}
          onDailyCheck={(p, on) => void setDailyCheck(getDatabase(), p.id, on)}
          refresh={{
            choices: REFRESH_CHOICES,
            daysOf: (p) => refreshDays?.get(p.id) ?? DEFAULT_REFRESH_DAYS,
            onChange: (p, days) => void setRefreshDays(getDatabase(), p.id, days),
          }}
        />
      )}
    </section>
  );
}
