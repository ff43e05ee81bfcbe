/**
 * Checking packs for newer versions at their `updateUrl` (or the address they were
 * imported from), with conditional requests so an unchanged pack costs one empty
 * answer. A newer version is validated and installed atomically like any import;
 * a bad one is refused and the installed version stays. The last outcome is kept per
 * pack for the options page.
 */
import type { BackstoryDatabase } from '../db/database';
import type { PackRow } from '../db/rows';
import { runImport, type ImportOutcome, type RunImportOptions } from './import-pipeline';
import { countOf } from '../text/plural';

/** The last check of one pack, stored in `meta` under {@link updateStateKey}. */
export interface PackUpdateState {
  /** Epoch milliseconds. */
  checkedAt: number;
  outcome: 'up-to-date' | 'updated' | 'failed';
  /** For 'updated': the version installed. */
  version?: string;
  /** For 'failed': what went wrong, as a sentence. */
  message?: string;
  /** Validators of the last good answer, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
}

export const updateStateKey = (packId: string) => `packUpdate/${packId}`;

/** Where a pack's newer versions are published, if anywhere. */
function updateUrlOf(pack: PackRow): string | undefined {
  return pack.updateUrl ?? (pack.source.kind === 'url' ? pack.source.url : undefined);
}

export async function getUpdateState(db: BackstoryDatabase, packId: string): Promise<PackUpdateState | undefined> {
  return (await db.meta.get(updateStateKey(packId)))?.value as PackUpdateState | undefined;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type UpdateDownload =
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: string }
  | { kind: 'downloaded'; bytes: Uint8Array; etag?: string; lastModified?: string };

/** Asks the pack's update address for a newer file, conditionally. */
async function downloadPackUpdate(db: BackstoryDatabase, pack: PackRow, fetchImpl: FetchLike): Promise<UpdateDownload> {
  const url = updateUrlOf(pack);
  if (!url) return { kind: 'failed', message: 'This pack has no update address.' };
  const previous = await getUpdateState(db, pack.id);
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, credentials: 'omit', cache: 'no-cache' });
  } catch {
    return { kind: 'failed', message: `Could not reach ${new URL(url).host}.` };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (!response.ok) return { kind: 'failed', message: `The update address answered ${response.status}.` };
  return {
    kind: 'downloaded',
    bytes: new Uint8Array(await response.arrayBuffer()),
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

/** Turns a download and (when there was one) its import into the state to remember. */
function updateStateOf(download: UpdateDownload, outcome: ImportOutcome | undefined, previous: PackUpdateState | undefined, now: number): PackUpdateState {
  if (download.kind === 'not-modified') return { ...previous, checkedAt: now, outcome: 'up-to-date', message: undefined };
  if (download.kind === 'failed') return { ...previous, checkedAt: now, outcome: 'failed', message: download.message };
  const validators = { etag: download.etag, lastModified: download.lastModified };
  if (!outcome?.ok) {
    const detail = updateRefusal(outcome);
    // Validators are not kept: the same bad file is looked at again next time.
    return { checkedAt: now, outcome: 'failed', message: `Not updated: ${detail}. The installed version stays.` };
  }
  if (outcome.result.status === 'already-installed') return { ...validators, checkedAt: now, outcome: 'up-to-date' };
  return { ...validators, checkedAt: now, outcome: 'updated', version: outcome.version };
}

/** Why a downloaded update was not installed, as the end of "Not updated: …". */
function updateRefusal(outcome: Extract<ImportOutcome, { ok: false }> | undefined): string {
  switch (outcome?.code) {
    case 'invalid-pack':
      return `the new file is not a valid pack (${countOf(outcome.total, 'problem')})`;
    case 'wrong-pack':
    case 'reserved-id':
      return `the downloaded file is another pack (“${outcome.packName ?? outcome.packId}”, id ${outcome.packId}); an update may only replace this pack`;
    default:
      return 'the new file could not be installed';
  }
}

async function saveUpdateState(db: BackstoryDatabase, packId: string, state: PackUpdateState): Promise<void> {
  await db.meta.put({ key: updateStateKey(packId), value: state });
}

export interface CheckPackUpdateOptions {
  fetch: FetchLike;
  now?: number;
  /** Installs downloaded bytes; by default in this context with {@link runImport}. */
  install?: (bytes: Uint8Array, options: RunImportOptions) => Promise<ImportOutcome>;
}

/** Checks one pack and installs a newer version when there is one. */
export async function checkPackUpdate(db: BackstoryDatabase, packId: string, options: CheckPackUpdateOptions): Promise<PackUpdateState | undefined> {
  const pack = await db.packs.get(packId);
  if (!pack || !updateUrlOf(pack)) return undefined;
  const previous = await getUpdateState(db, packId);
  const download = await downloadPackUpdate(db, pack, options.fetch);
  const install = options.install ?? ((bytes, o) => runImport(db, bytes, o));
  // The source stays as it was: a pack imported from a file that names an update address is still "from a file".
  const outcome = download.kind === 'downloaded' ? await install(download.bytes, { source: pack.source, expectedPackId: pack.id }) : undefined;
  const state = updateStateOf(download, outcome, previous, options.now ?? Date.now());
  await saveUpdateState(db, packId, state);
  return state;
}

/** Checks every pack that has an update address, one after another. Returns how many were updated. */
export async function checkAllPackUpdates(db: BackstoryDatabase, options: CheckPackUpdateOptions): Promise<number> {
  let updated = 0;
  for (const pack of await db.packs.toArray()) {
    if (!updateUrlOf(pack)) continue;
    const state = await checkPackUpdate(db, pack.id, options);
    if (state?.outcome === 'updated') updated++;
  }
  return updated;
}
