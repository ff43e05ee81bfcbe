/**
 * Packs the user makes from a Wikidata query in the options page: run the query through
 * lib/wikidata's one client, build the pack, and run the same query again for "Check for
 * updates" and the scheduled refresh (pack-updates.ts), in the options page or the
 * background alike.
 */
import type { BackstoryDatabase } from '../db/database';
import type { PackRow } from '../db/rows';
import type { PackMeta } from '../pack';
import { itemsFromSparql } from '../wikidata/from-sparql';
import { runSparqlQuery, SparqlQueryError, type RunSparqlOptions, type SparqlErrorCode } from '../wikidata/query-client';
import { buildWikidataPack, type WikidataPackResult, type WikidataSource } from '../wikidata/wikidata-pack';
import type { FetchLike, UpdateDownload } from './pack-updates';

/**
 * A test-only address of the Query Service, in the extension's own database: only
 * extension pages and the background can write it (content scripts never open the
 * database), so no page can point a user's Backstory elsewhere. Absent: query.wikidata.org.
 */
export const WIKIDATA_ENDPOINT_KEY = 'wikidataEndpoint';

/** How often each Wikidata pack refreshes on its own, in days (0: never), under this key + pack id. */
export const wikidataRefreshKey = (packId: string) => `wikidataRefresh/${packId}`;
export const DEFAULT_REFRESH_DAYS = 30;
export const REFRESH_CHOICES: ReadonlyArray<{ days: number; label: string }> = [
  { days: 7, label: 'Weekly' },
  { days: 30, label: 'Monthly' },
  { days: 0, label: 'Never' },
];
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first version of a pack made from a query; each changed answer adds one to the patch. */
export const FIRST_WIKIDATA_VERSION = '1.0.0';

/** The stored stand-in address, when a test set one (http or https only). */
export async function wikidataEndpoint(db: BackstoryDatabase): Promise<string | undefined> {
  const value = (await db.meta.get(WIKIDATA_ENDPOINT_KEY))?.value;
  return typeof value === 'string' && /^https?:\/\//u.test(value) ? value : undefined;
}

/** Days between refreshes the user chose for a pack ({@link DEFAULT_REFRESH_DAYS} unless set). */
export async function refreshDays(db: BackstoryDatabase, packId: string): Promise<number> {
  const value = (await db.meta.get(wikidataRefreshKey(packId)))?.value;
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_REFRESH_DAYS;
}

/** The refresh interval of every Wikidata pack the user set one for, by pack id. */
export async function loadRefreshDays(db: BackstoryDatabase): Promise<Map<string, number>> {
  const rows = await db.meta.where('key').startsWith(wikidataRefreshKey('')).toArray();
  return new Map(rows.flatMap((row) => (typeof row.value === 'number' ? [[row.key.slice(wikidataRefreshKey('').length), row.value] as const] : [])));
}

export async function setRefreshDays(db: BackstoryDatabase, packId: string, days: number): Promise<void> {
  await db.meta.put({ key: wikidataRefreshKey(packId), value: days });
}

/** Whether the scheduled check may run a pack's query now: the chosen interval has passed since the last check. */
export function isRefreshDue(options: { days: number; lastCheckedAt: number; now: number }): boolean {
  return options.days > 0 && options.now - options.lastCheckedAt >= options.days * DAY_MS;
}

export type WikidataQueryOutcome =
  | { ok: true; result: WikidataPackResult }
  | { ok: false; code: SparqlErrorCode | 'empty'; message: string };

export interface WikidataQueryRequest extends Pick<RunSparqlOptions, 'fetch' | 'onProgress' | 'signal' | 'endpoint' | 'timeLimitMs' | 'sleep'> {
  /** Where the names come from; `query` is what is sent. */
  source: WikidataSource & { query: string };
  meta: PackMeta;
}

/** Runs a query and builds its pack (not yet validated or written); expected failures come back with a code. */
export async function queryWikidataPack(request: WikidataQueryRequest): Promise<WikidataQueryOutcome> {
  const { source, meta, ...run } = request;
  try {
    const results = await runSparqlQuery({ ...run, query: source.query });
    const items = itemsFromSparql(results, source.languages[0] ?? 'en');
    const { fingerprint: _previous, ...asked } = source;
    const result = buildWikidataPack(items, { languages: source.languages, meta, source: asked });
    if (result.pack.entities.length === 0) {
      return { ok: false, code: 'empty', message: 'The query found no names: Wikidata answered, but with no ?item that has a label (?itemLabel) in your language.' };
    }
    result.pack.pack.wikidata = { ...asked, fingerprint: await entitiesFingerprint(result.pack.entities) };
    return { ok: true, result };
  } catch (error) {
    if (error instanceof SparqlQueryError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** SHA-256 of the entities as JSON, in hex: equal answers give equal fingerprints. */
export async function entitiesFingerprint(entities: readonly unknown[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(entities)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "1.0.3" → "1.0.4" (a pre-release or build part is dropped). */
export function nextPatchVersion(version: string): string {
  const [major = '1', minor = '0', patch = '0'] = version.split(/[-+]/u)[0]!.split('.');
  return `${major}.${minor}.${Number(patch) + 1}`;
}

/** The installed pack's `pack` object as imported (its row keeps the file without entities and articles). */
function packMetaOf(pack: PackRow): PackMeta & { wikidata?: unknown } {
  return (pack.original.pack ?? {}) as PackMeta & { wikidata?: unknown };
}

/** The `pack.wikidata` of an installed pack made in the options page, when it can be run again. */
function wikidataSourceOf(pack: PackRow): (WikidataSource & { query: string }) | undefined {
  if (pack.source.kind !== 'wikidata') return undefined;
  const source = packMetaOf(pack).wikidata as WikidataSource | undefined;
  return typeof source?.query === 'string' && Array.isArray(source.languages) ? { ...source, query: source.query } : undefined;
}

/**
 * Runs an installed Wikidata pack's query again: the same answer is "not modified", a
 * changed one the next version of the pack as bytes, for the import pipeline like any
 * downloaded update.
 */
export async function refreshWikidataPack(
  db: BackstoryDatabase,
  pack: PackRow,
  options: { fetch: FetchLike },
): Promise<UpdateDownload> {
  const source = wikidataSourceOf(pack);
  if (!source) return { kind: 'failed', message: 'This pack does not say which Wikidata query it came from.' };
  const { wikidata: _source, ...meta } = packMetaOf(pack);
  const outcome = await queryWikidataPack({
    fetch: (input, init) => options.fetch(String(input), init ?? {}),
    endpoint: await wikidataEndpoint(db),
    source,
    meta: { ...meta, version: nextPatchVersion(pack.version) },
  });
  if (!outcome.ok) return { kind: 'failed', message: outcome.message };
  if (outcome.result.pack.pack.wikidata?.fingerprint === source.fingerprint) return { kind: 'not-modified' };
  return { kind: 'downloaded', bytes: new TextEncoder().encode(JSON.stringify(outcome.result.pack)) };
}

/** Present once a new user dismissed or used the "Add names from Wikidata" welcome. */
const WIKIDATA_WELCOME_KEY = 'wikidataWelcomeDone';

/**
 * Whether the welcome is over: dismissed or used, or the library already knows names from
 * elsewhere (a pack of the user's with entities), where "knows only its starter pack" would be wrong.
 */
export async function isWelcomeDone(db: BackstoryDatabase): Promise<boolean> {
  if ((await db.meta.get(WIKIDATA_WELCOME_KEY)) !== undefined) return true;
  return (await db.packs.filter((pack) => pack.source.kind !== 'builtin' && pack.entityCount > 0).count()) > 0;
}

export async function finishWelcome(db: BackstoryDatabase): Promise<void> {
  await db.meta.put({ key: WIKIDATA_WELCOME_KEY, value: true });
}
