/**
 * The whole import of one pack file, stage by stage, with progress: read (gunzip and
 * parse), validate, check for space, prepare rows, write. Runs in the library worker
 * (workers/library.worker.ts); pure apart from the database and the storage estimate it is given.
 */
import type { BackstoryDatabase } from '../db/database';
import type { PackSource } from '../db/rows';
import { isQuotaExceeded } from '../db/storage-errors';
import { NewerDatabaseError } from '../db/version-guard';
import { readPackBytes, type PackReadErrorCode } from '../pack/read';
import { validatePack, type PackIssue } from '../pack/validate';
import { writePackRows, type InstallPackResult, type WriteProgress } from './install-pack';
import { mergeIntoMyArticles, type MergeResult } from './merge-my-articles';
import { MY_ARTICLES_PACK_ID } from './my-articles';
import { RESERVED_PACK_IDS, isSameSource } from './pack-sources';
import { streamPackRows } from './pack-to-rows';
import { stagePack } from './staged-pack';
import { compareSemver } from './semver';

export const IMPORT_STAGES = ['download', 'read', 'validate', 'prepare', 'write'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

export interface ImportProgress {
  stage: ImportStage;
  /** Units done and in all, when the stage can count them (bytes, articles, rows). */
  done?: number;
  total?: number;
  /** The write waits while the rows an unfinished import left behind are removed. */
  clearing?: boolean;
}

export type ImportFailureCode =
  | PackReadErrorCode
  | 'invalid-pack'
  | 'reserved-id'
  | 'wrong-pack'
  | 'other-source'
  | 'no-space'
  | 'quota'
  | 'newer-database'
  | 'write-failed';

export type ImportOutcome =
  | { ok: true; result: InstallPackResult | MergeResult; packName: string; version: string }
  | {
      ok: false;
      code: ImportFailureCode;
      /** For read errors: the reader's sentence. */
      message?: string;
      issues: PackIssue[];
      total: number;
      /** For 'reserved-id', 'wrong-pack' and 'other-source': the id and name the file gives. */
      packId?: string;
      packName?: string;
      /** For 'other-source': where the installed pack came from. */
      installedSource?: PackSource;
      /** For 'no-space': bytes the import needs and bytes the browser has left. */
      needed?: number;
      available?: number;
    };

/**
 * Stored size per byte of pack JSON: the rows, each article's mention sentences and the
 * indexes, plus the search index built from them. A deliberately generous estimate.
 */
const STORED_BYTES_PER_PACK_BYTE = 3;

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface RunImportOptions {
  source: PackSource;
  /**
   * Replace even when the same or a newer version is installed, or when the installed
   * pack came from another source: the user was asked and said yes.
   */
  replace?: boolean;
  /** For an update: the id of the pack being updated; a file naming any other pack is refused. */
  expectedPackId?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** `navigator.storage.estimate`, injectable for tests. */
  estimateStorage?: () => Promise<StorageEstimateLike>;
  now?: number;
}

/** Reads, validates and writes one pack. Never throws; every failure is a coded outcome. */
export async function runImport(db: BackstoryDatabase, bytes: Uint8Array, options: RunImportOptions): Promise<ImportOutcome> {
  const report = options.onProgress ?? (() => undefined);
  report({ stage: 'read' });
  const read = await readPackBytes(bytes);
  if (!read.ok) return { ok: false, code: read.code, message: read.message, issues: [], total: 0 };

  report({ stage: 'validate' });
  const validation = validatePack(read.data);
  if (!validation.ok) return { ok: false, code: 'invalid-pack', issues: validation.issues, total: validation.total };
  const pack = validation.pack;
  const packName = pack.pack.name;
  const version = pack.pack.version;
  const named = { issues: [], total: 0, packId: pack.pack.id, packName };
  // Updates may only update: no file takes Backstory's own packs, and an update is refused
  // when it names another pack than the one it was downloaded for. An exported "My
  // articles" file, imported by the user, adds its items to their own (never replaces it).
  const mergesIntoMyArticles = pack.pack.id === MY_ARTICLES_PACK_ID && options.expectedPackId === undefined && options.source.kind !== 'builtin';
  if (RESERVED_PACK_IDS.has(pack.pack.id) && !mergesIntoMyArticles) return { ok: false, code: 'reserved-id', ...named };
  if (options.expectedPackId !== undefined && pack.pack.id !== options.expectedPackId) return { ok: false, code: 'wrong-pack', ...named };

  // The same version again: say so before spending time on rows.
  const existing = mergesIntoMyArticles ? undefined : await db.packs.get(pack.pack.id);
  if (existing && !options.replace && compareSemver(version, existing.version) <= 0) {
    return { ok: true, result: { status: 'already-installed', packId: existing.id, installedVersion: existing.version }, packName, version };
  }
  // A pack from one place is not silently replaced by a file from another: the user is asked first.
  if (existing && !options.replace && !isSameSource(existing.source, options.source)) {
    return { ok: false, code: 'other-source', ...named, installedSource: existing.source };
  }

  const estimate = await options.estimateStorage?.().catch(() => undefined);
  if (estimate?.quota !== undefined) {
    const needed = read.bytes * STORED_BYTES_PER_PACK_BYTE;
    const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
    if (needed > available) return { ok: false, code: 'no-space', issues: [], total: 0, needed, available };
  }

  const now = options.now ?? Date.now();
  try {
    if (mergesIntoMyArticles) {
      report({ stage: 'write' });
      return { ok: true, result: await mergeIntoMyArticles(db, pack, now), packName, version };
    }
    // Prepare builds the entity rows; the matcher and each article's mentions are built
    // during Write, while the database stores the rows before them.
    report({ stage: 'prepare' });
    const rows = streamPackRows(pack, { source: options.source, now });
    report({ stage: 'write', done: 0, total: rows.entities.length + rows.articleCount });
    const onProgress = (p: WriteProgress) => report({ stage: 'write', ...p });
    // A new pack is staged: readers keep answering from the library as it was while its
    // rows are written, then one short switch. A new version replaces the old one in one
    // transaction (staged rows would share the old rows' keys).
    const result = existing
      ? await writePackRows(db, rows, { replace: options.replace, onProgress })
      : await (await stagePack(db, rows, { onProgress, now, onClearing: () => report({ stage: 'write', clearing: true }) })).switchLive();
    return { ok: true, result, packName, version };
  } catch (error) {
    console.error('Backstory: could not save the pack', error);
    return { ok: false, code: writeFailureCode(error), issues: [], total: 0 };
  }
}

/** Why a write failed, as a code the UI turns into a sentence. */
export function writeFailureCode(error: unknown): 'quota' | 'newer-database' | 'write-failed' {
  if (error instanceof NewerDatabaseError) return 'newer-database';
  return isQuotaError(error) ? 'quota' : 'write-failed';
}

/**
 * Whether an IndexedDB failure (possibly wrapped by Dexie) means the disk or quota is
 * full; see isQuotaExceeded for the shapes browsers and Dexie give it.
 */
function isQuotaError(error: unknown): boolean {
  return isQuotaExceeded(error);
}
