import { browser } from 'wxt/browser';
import { openBeforeUpgrade } from '../../lib/db/before-upgrade';
import type { BackstoryDatabase } from '../../lib/db/database';
import { autoBackupStateItem, latestBackupItem, libraryLossItem } from '../../lib/extension/backup-items';
import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import { AUTO_BACKUP_ALARM, BACKUP_CHECK_MINUTES, backupFileName, periodPassed, pruneBackups, shouldBackUp, type BackupReason, type BackupRecord } from '../../lib/kb/auto-backup-plan';
import { createBackup } from '../../lib/kb/backup';
import { countLibrary } from '../../lib/kb/library-marker';
import type { BackupSchedule } from '../../lib/settings/settings';
import { bytesToBase64 } from '../../lib/text/base64';
import { backupUrl } from './backup-url';

/** How long a download may take before the attempt is given up (the file may still land). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface AutoBackups {
  /** Writes a backup now if `reason` calls for one; resolves with its record, or undefined when none was due. */
  run(reason: BackupReason): Promise<BackupRecord | undefined>;
}

/**
 * Automatic backups into the user's downloads folder (Backstory/), on the schedule the
 * settings name (weekly by default), through chrome.alarms so that a sleeping service
 * worker wakes for them. Only the files recorded here are ever removed.
 */
export function startAutoBackups({ db, ready }: { db: BackstoryDatabase; ready: Promise<unknown> }): AutoBackups {
  let running: Promise<BackupRecord | undefined> | undefined;
  const run = (reason: BackupReason) => {
    // One at a time: an alarm and a click together write one file.
    running ??= (async () => {
      await ready;
      return writeAutoBackup(db, reason);
    })().finally(() => (running = undefined));
    return running;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== AUTO_BACKUP_ALARM) return;
    void (async () => {
      await run('schedule');
      // A one-off alarm with this name (set by a test) replaces the periodic one: put it back.
      if (!alarm.periodInMinutes) await scheduleAlarm((await loadSettings()).backupSchedule);
    })().catch((error: unknown) => console.warn('Backstory: automatic backup failed', error));
  });
  void loadSettings().then((settings) => scheduleAlarm(settings.backupSchedule));
  watchSettings((settings) => void scheduleAlarm(settings.backupSchedule));
  return { run };
}

/**
 * Before a new schema upgrades the stored library (a Backstory update with a new database
 * version): a backup of the library as it is, read without upgrading it. Must run before
 * anything opens `db`.
 */
export async function backUpBeforeUpgrade(db: BackstoryDatabase): Promise<void> {
  const old = await openBeforeUpgrade(db);
  if (!old) return;
  try {
    await writeAutoBackup(old, 'upgrade');
  } finally {
    old.close();
  }
}

/** Keeps the hourly check running while backups are on (shouldBackUp decides when one is due); an alarm already running is left alone. */
async function scheduleAlarm(schedule: BackupSchedule): Promise<void> {
  const existing = await browser.alarms.get(AUTO_BACKUP_ALARM);
  if (schedule === 'off') {
    if (existing) await browser.alarms.clear(AUTO_BACKUP_ALARM);
    return;
  }
  if (existing?.periodInMinutes === BACKUP_CHECK_MINUTES) return;
  await browser.alarms.create(AUTO_BACKUP_ALARM, { periodInMinutes: BACKUP_CHECK_MINUTES, delayInMinutes: BACKUP_CHECK_MINUTES });
}

async function writeAutoBackup(db: BackstoryDatabase, reason: BackupReason): Promise<BackupRecord | undefined> {
  // A library found lost is not backed up: its backups are what the user needs to restore.
  if (await libraryLossItem.getValue()) return undefined;
  const settings = await loadSettings();
  const state = await autoBackupStateItem.getValue();
  const now = Date.now();
  // The hourly check mostly ends here, without counting the library.
  if (reason === 'schedule' && !periodPassed({ schedule: settings.backupSchedule, last: state.records[0], now })) return undefined;
  const counts = await countLibrary(db);
  if (!shouldBackUp({ schedule: settings.backupSchedule, reason, ownItems: counts.ownItems, revision: counts.revision, last: state.records[0], now })) return undefined;
  try {
    const backup = await createBackup(db, { settings });
    const bytes = await gzip(JSON.stringify(backup));
    const base64 = bytesToBase64(bytes);
    const fileName = backupFileName(now);
    const downloadId = await download(base64, bytes, fileName);
    const record: BackupRecord = { downloadId, fileName, at: now, bytes: bytes.length, revision: counts.revision, reason };
    await latestBackupItem.setValue({ fileName, at: now, base64 });
    const { kept, removed } = pruneBackups([record, ...state.records]);
    for (const old of removed) await removeOwnDownload(old.downloadId);
    await autoBackupStateItem.setValue({ records: kept });
    return record;
  } catch (error) {
    console.warn('Backstory: automatic backup failed', error);
    await autoBackupStateItem.setValue({ ...state, problem: { at: now, message: (error as Error)?.message ?? String(error) } });
    return undefined;
  }
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Downloads the bytes without asking where, and resolves with the id once the file is complete. */
async function download(base64: string, bytes: Uint8Array, fileName: string): Promise<number> {
  const source = await backupUrl(base64, bytes);
  try {
    const id = await browser.downloads.download({ url: source.url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
    await downloadDone(id);
    return id;
  } finally {
    await source.release();
  }
}

function downloadDone(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('The backup download did not finish in time')), DOWNLOAD_TIMEOUT_MS);
    const onChanged = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') finish();
      else if (delta.state?.current === 'interrupted') finish(new Error(`The backup download was interrupted (${delta.error?.current ?? 'unknown reason'})`));
    };
    function finish(error?: Error) {
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(onChanged);
      if (error) reject(error);
      else resolve();
    }
    browser.downloads.onChanged.addListener(onChanged);
    // It may have finished before the listener was added.
    void browser.downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') finish();
    });
  });
}

/** Removes a file Backstory wrote itself, by the id it recorded; a file already gone is fine. */
async function removeOwnDownload(id: number): Promise<void> {
  await browser.downloads.removeFile(id).catch(() => undefined);
  await browser.downloads.erase({ id }).catch(() => undefined);
}
