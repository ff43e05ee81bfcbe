import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { checkAllPackUpdates, checkPackUpdate } from '../../../lib/kb/pack-updates';
import {
  finishWelcome,
  isRefreshDue,
  isWelcomeDone,
  nextPatchVersion,
  queryWikidataPack,
  setRefreshDays,
  WIKIDATA_ENDPOINT_KEY,
} from '../../../lib/kb/wikidata-packs';
import { validatePack } from '../../../lib/pack';
import { freshDatabase, makePack } from './test-db';

const DAY = 24 * 60 * 60 * 1000;
const STAND_IN = 'http://127.0.0.1:9/sparql';

async function answer(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile('tests/fixtures/wikidata/heads-of-state.srj.json', 'utf8'));
}

/** A Query Service stand-in: answers the current results and records every address asked. */
function service(results: unknown) {
  const state = { results, urls: [] as string[], status: 200 };
  const fetch = async (url: string | URL | Request) => {
    state.urls.push(String(url));
    if (state.status !== 200) return new Response('busy', { status: state.status });
    return new Response(JSON.stringify(state.results), { status: 200, headers: { 'content-type': 'application/sparql-results+json' } });
  };
  return { state, fetch: fetch as typeof globalThis.fetch };
}

const sleep = async () => undefined;

const SOURCE = { query: 'SELECT ?item WHERE {}', readyQuery: 'heads-of-state-and-government', languages: ['en'] };
const META = { id: 'wikidata-heads-of-state-and-government', name: 'Heads of state (Wikidata)', version: '1.0.0' };

async function installed(db = freshDatabase()) {
  const server = service(await answer());
  const made = await queryWikidataPack({ fetch: server.fetch, source: SOURCE, meta: META });
  if (!made.ok) throw new Error(made.message);
  const validation = validatePack(made.result.pack);
  if (!validation.ok) throw new Error('invalid');
  await installPack(db, validation.pack, { source: { kind: 'wikidata' } });
  await db.meta.put({ key: WIKIDATA_ENDPOINT_KEY, value: STAND_IN });
  return { db, server, made: made.result };
}

describe('packs made from a Wikidata query', () => {
  it('builds a valid pack that records its query, languages and a fingerprint of the answer', async () => {
    const { made } = await installed();
    expect(made.pack.entities.length).toBeGreaterThan(2);
    expect(made.pack.pack.wikidata).toMatchObject({ ...SOURCE, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/u) });
  });

  it('says why when the service keeps refusing, and when the answer is not SPARQL results', async () => {
    const busy = service({});
    busy.state.status = 429;
    const refused = await queryWikidataPack({ fetch: busy.fetch, source: SOURCE, meta: META, sleep });
    expect(refused).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(busy.state.urls).toHaveLength(4);
    const odd = await queryWikidataPack({ fetch: service({ hello: 1 }).fetch, source: SOURCE, meta: META });
    expect(odd).toMatchObject({ ok: false, code: 'malformed' });
    const empty = await queryWikidataPack({ fetch: service({ head: { vars: ['item'] }, results: { bindings: [] } }).fetch, source: SOURCE, meta: META });
    expect(empty).toMatchObject({ ok: false, code: 'empty' });
  });

  it('"Check for updates" runs the query again at the stored address: the same answer is up to date, a changed one the next version', async () => {
    const { db, server } = await installed();
    expect(await checkPackUpdate(db, META.id, { fetch: server.fetch, now: 1 })).toMatchObject({ outcome: 'up-to-date' });
    expect(server.state.urls.at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:9\/sparql\?query=/u);
    const changed = await answer();
    (changed.results as { bindings: unknown[] }).bindings.splice(0, 1);
    server.state.results = changed;
    expect(await checkPackUpdate(db, META.id, { fetch: server.fetch, now: 2 })).toMatchObject({ outcome: 'updated', version: '1.0.1' });
    const pack = await db.packs.get(META.id);
    expect(pack).toMatchObject({ version: '1.0.1', source: { kind: 'wikidata' } });
    expect(pack?.entityCount).toBeLessThan((await answer() as { results: { bindings: unknown[] } }).results.bindings.length);
  });

  it('a failed query leaves the pack as it was and says why', async () => {
    const { db, server } = await installed();
    server.state.status = 400;
    const state = await checkPackUpdate(db, META.id, { fetch: server.fetch, now: 1 });
    expect(state).toMatchObject({ outcome: 'failed', message: expect.stringContaining('could not run the query') });
    expect((await db.packs.get(META.id))?.version).toBe('1.0.0');
  });

  it('refreshes on its own no more often than chosen: monthly by default, never when the user says so', async () => {
    const { db, server } = await installed();
    const installedAt = (await db.packs.get(META.id))!.updatedAt;
    await checkAllPackUpdates(db, { fetch: server.fetch, now: installedAt + 10 * DAY });
    expect(server.state.urls).toHaveLength(1);
    await checkAllPackUpdates(db, { fetch: server.fetch, now: installedAt + 31 * DAY });
    expect(server.state.urls).toHaveLength(2);
    await checkAllPackUpdates(db, { fetch: server.fetch, now: installedAt + 40 * DAY });
    expect(server.state.urls).toHaveLength(2);
    await setRefreshDays(db, META.id, 0);
    await checkAllPackUpdates(db, { fetch: server.fetch, now: installedAt + 400 * DAY });
    expect(server.state.urls).toHaveLength(2);
  });

  it('never runs a query written in a pack that came from a file', async () => {
    const db = freshDatabase();
    const { made } = await installed();
    const validation = validatePack({ ...made.pack, pack: { ...made.pack.pack, id: 'from-a-file' } });
    if (!validation.ok) throw new Error('invalid');
    await installPack(db, validation.pack, { source: { kind: 'file' } });
    const server = service(await answer());
    expect(await checkPackUpdate(db, 'from-a-file', { fetch: server.fetch })).toBeUndefined();
    await checkAllPackUpdates(db, { fetch: server.fetch, now: Date.now() + 400 * DAY });
    expect(server.state.urls).toHaveLength(0);
  });

  it('counts intervals and versions', () => {
    expect(isRefreshDue({ days: 30, lastCheckedAt: 0, now: 29 * DAY })).toBe(false);
    expect(isRefreshDue({ days: 30, lastCheckedAt: 0, now: 30 * DAY })).toBe(true);
    expect(isRefreshDue({ days: 0, lastCheckedAt: 0, now: 999 * DAY })).toBe(false);
    expect(nextPatchVersion('1.0.9')).toBe('1.0.10');
    expect(nextPatchVersion('2.1.0-beta.1')).toBe('2.1.1');
  });
});

describe('the Wikidata welcome', () => {
  it('is shown to a library of the starter pack only, until dismissed, or once a pack of names is added', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ id: 'starter-like' }), { source: { kind: 'builtin' } });
    expect(await isWelcomeDone(db)).toBe(false);
    await installPack(db, makePack({ id: 'names' }), { source: { kind: 'file' } });
    expect(await isWelcomeDone(db)).toBe(true);

    const dismissed = freshDatabase();
    await finishWelcome(dismissed);
    expect(await isWelcomeDone(dismissed)).toBe(true);
  });
});
