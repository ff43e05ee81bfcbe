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
import { MAX_PACK_BYTES, formatByteSize } from '../pack/limits';
import { packAddressProblem } from '../net/public-address';
import { readCappedBody } from '../net/read-capped-body';
import { isRefreshDue, refreshDays, refreshWikidataPack } from './wikidata-packs';

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
/** Present (false) when the user turned a pack's daily check off. */
export const dailyCheckKey = (packId: string) => `packDailyCheck/${packId}`;

/** Turns one pack's daily update check on or off; checking by hand stays possible. */
export async function setDailyCheck(db: BackstoryDatabase, packId: string, on: boolean): Promise<void> {
  if (on) await db.meta.delete(dailyCheckKey(packId));
  else await db.meta.put({ key: dailyCheckKey(packId), value: false });
}

/**
 * Where a pack's newer versions are published, if anywhere: the `updateUrl` written in the
 * pack, else the address the user imported it from.
 */
function updateUrlOf(pack: PackRow): string | undefined {
  return pack.updateUrl ?? (pack.source.kind === 'url' ? pack.source.url : undefined);
}

/** Whether a pack can be checked: it has an update address, or is a Wikidata query the user ran (wikidata-packs.ts). */
function canCheckForUpdates(pack: PackRow): boolean {
  return pack.source.kind === 'wikidata' || updateUrlOf(pack) !== undefined;
}

/**
 * Why the update address may not be asked, as a sentence; undefined when it may. An
 * address the user typed may be anything http(s); one written by the pack's author must
 * be https and public (lib/net/public-address.ts).
 */
function updateAddressProblem(pack: PackRow, url: string): string | undefined {
  const typedByUser = pack.source.kind === 'url' && pack.source.url === url;
  if (typedByUser) return undefined;
  const problem = packAddressProblem(url);
  return problem && `The pack's update address is refused: ${problem}.`;
}

/** Hosts are named in messages; a malformed stored address must not throw while saying so. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the update address';
  }
}

/**
 * The longest a download of an update may take, answer and body together: ample for the
 * largest pack on a slow line; a server that trickles or never ends is cut off.
 */
const UPDATE_TIME_LIMIT_MS = 10 * 60 * 1000;

export async function getUpdateState(db: BackstoryDatabase, packId: string): Promise<PackUpdateState | undefined> {
  return (await db.meta.get(updateStateKey(packId)))?.value as PackUpdateState | undefined;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type UpdateDownload =
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: string }
  | { kind: 'downloaded'; bytes: Uint8Array; etag?: string; lastModified?: string };

/**
 * Asks the pack's update address for a newer file, conditionally, with the limits of a
 * download the user starts: the size cap (streamed), and a time limit. A redirect to
 * another origin is refused: its answer is never read.
 */
async function downloadPackUpdate(db: BackstoryDatabase, pack: PackRow, fetchImpl: FetchLike, timeLimitMs: number): Promise<UpdateDownload> {
  const url = updateUrlOf(pack);
  if (!url) return { kind: 'failed', message: 'This pack has no update address.' };
  const refused = updateAddressProblem(pack, url);
  if (refused) return { kind: 'failed', message: refused };
  const previous = await getUpdateState(db, pack.id);
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const signal = AbortSignal.timeout(timeLimitMs);
  const limit = timeLimitMs >= 60_000 ? countOf(Math.round(timeLimitMs / 60_000), 'minute') : countOf(Math.round(timeLimitMs / 1000), 'second');
  const tooSlow = `${hostOf(url)} took longer than ${limit} to send the update; the download was stopped.`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, credentials: 'omit', cache: 'no-cache', redirect: 'follow', signal });
  } catch {
    return { kind: 'failed', message: signal.aborted ? tooSlow : `Could not reach ${hostOf(url)}.` };
  }
  if (response.redirected && new URL(response.url).origin !== new URL(url).origin) {
    await response.body?.cancel();
    return { kind: 'failed', message: `${hostOf(url)} sent the update on to another site (${hostOf(response.url)}); Backstory does not follow that.` };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (!response.ok) return { kind: 'failed', message: `The update address answered ${response.status}.` };
  try {
    const body = await readCappedBody(response, MAX_PACK_BYTES, { signal });
    if (!body.ok) return { kind: 'failed', message: `The update was larger than ${formatByteSize(MAX_PACK_BYTES)}, the most a pack may be; the download was stopped.` };
    return { kind: 'downloaded', bytes: body.bytes, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
  } catch {
    return { kind: 'failed', message: signal.aborted ? tooSlow : `The connection to ${hostOf(url)} broke during the download.` };
  }
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
    case 'no-space':
      return `it needs about ${formatByteSize(outcome.needed ?? 0)} of storage and the browser has ${formatByteSize(outcome.available ?? 0)} left`;
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
  /** The space check of an import (`navigator.storage.estimate`); without it, none is made. */
  estimateStorage?: RunImportOptions['estimateStorage'];
  /** {@link UPDATE_TIME_LIMIT_MS} unless a test asks for less. */
  timeLimitMs?: number;
  /** Installs downloaded bytes; by default in this context with {@link runImport}. */
  install?: (bytes: Uint8Array, options: RunImportOptions) => Promise<ImportOutcome>;
}

/** Checks one pack and installs a newer version when there is one. */
export async function checkPackUpdate(db: BackstoryDatabase, packId: string, options: CheckPackUpdateOptions): Promise<PackUpdateState | undefined> {
  const pack = await db.packs.get(packId);
  if (!pack || !canCheckForUpdates(pack)) return undefined;
  const previous = await getUpdateState(db, packId);
  // A pack made from a Wikidata query is checked by running the query again.
  const download =
    pack.source.kind === 'wikidata'
      ? await refreshWikidataPack(db, pack, { fetch: options.fetch })
      : await downloadPackUpdate(db, pack, options.fetch, options.timeLimitMs ?? UPDATE_TIME_LIMIT_MS);
  const install = options.install ?? ((bytes, o) => runImport(db, bytes, o));
  // The source stays as it was: a pack imported from a file that names an update address is still "from a file".
  const outcome = download.kind === 'downloaded' ? await install(download.bytes, { source: pack.source, expectedPackId: pack.id, estimateStorage: options.estimateStorage }) : undefined;
  const state = updateStateOf(download, outcome, previous, options.now ?? Date.now());
  await saveUpdateState(db, packId, state);
  return state;
}

/**
 * The daily check: every pack that has an update address and whose daily check is on
 * ({@link setDailyCheck}), and every Wikidata pack whose chosen interval has passed
 * (monthly unless the user chose otherwise), one after another. Returns how many were
 * updated. One pack's failure, even an unexpected one, is noted for that pack and never
 * stops the checks of the others.
 */
export async function checkAllPackUpdates(db: BackstoryDatabase, options: CheckPackUpdateOptions): Promise<number> {
  let updated = 0;
  const turnedOff = new Set((await db.meta.where('key').startsWith(dailyCheckKey('')).toArray()).map((row) => row.key.slice(dailyCheckKey('').length)));
  for (const pack of await db.packs.toArray()) {
    if (!canCheckForUpdates(pack) || turnedOff.has(pack.id)) continue;
    if (pack.source.kind === 'wikidata') {
      const lastCheckedAt = (await getUpdateState(db, pack.id))?.checkedAt ?? pack.updatedAt;
      if (!isRefreshDue({ days: await refreshDays(db, pack.id), lastCheckedAt, now: options.now ?? Date.now() })) continue;
    }
    try {
      const state = await checkPackUpdate(db, pack.id, options);
      if (state?.outcome === 'updated') updated++;
    } catch (error) {
      console.warn(`Backstory: the update check of ${pack.id} failed`, error);
      const failed: PackUpdateState = { checkedAt: options.now ?? Date.now(), outcome: 'failed', message: 'The check failed unexpectedly; it is tried again tomorrow.' };
      await saveUpdateState(db, pack.id, failed).catch(() => undefined);
    }
  }
  return updated;
}
