import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { checkAllPackUpdates, checkPackUpdate, getUpdateState, setDailyCheck } from '../../../lib/kb/pack-updates';
import { ensureStarterPack, STARTER_PACK_ID } from '../../../lib/kb/starter-pack';
import { exportAll, freshDatabase, makePack } from './test-db';

const PACK_URL = 'https://packs.example/test.pack.json';

/** A tiny publisher: serves the current file with an ETag and answers 304 to a matching If-None-Match. */
function publisher() {
  const state = { body: '', etag: '"0"', requests: [] as Array<Record<string, string>> };
  const fetch = async (_url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    state.requests.push(headers);
    if (headers['If-None-Match'] === state.etag) return new Response(null, { status: 304 });
    return new Response(state.body, { status: 200, headers: { etag: state.etag } });
  };
  const publish = (pack: unknown, etag: string) => {
    state.body = JSON.stringify(pack);
    state.etag = etag;
  };
  return { state, fetch, publish };
}

async function offline(): Promise<Response> {
  throw new TypeError('Failed to fetch');
}

describe('pack updates', () => {
  it('installs a newer version, then asks conditionally and gets "not modified"', async () => {
    const db = freshDatabase();
    const v1 = makePack();
    await installPack(db, v1, { source: { kind: 'url', url: PACK_URL } });
    const server = publisher();
    server.publish(v1, '"v1"');
    expect(await checkPackUpdate(db, 'test-pack', { fetch: server.fetch, now: 1 })).toMatchObject({ outcome: 'up-to-date', etag: '"v1"' });

    server.publish(makePack({ version: '2.0.0', articles: [] }), '"v2"');
    expect(await checkAllPackUpdates(db, { fetch: server.fetch, now: 2 })).toBe(1);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '2.0.0', articleCount: 0, source: { kind: 'url', url: PACK_URL } });
    expect(await getUpdateState(db, 'test-pack')).toMatchObject({ outcome: 'updated', version: '2.0.0', etag: '"v2"' });

    expect(await checkPackUpdate(db, 'test-pack', { fetch: server.fetch, now: 3 })).toMatchObject({ outcome: 'up-to-date', checkedAt: 3 });
    expect(server.state.requests.at(-1)).toEqual({ 'If-None-Match': '"v2"' });
  });

  it('refuses an update that names another pack (another one, the starter, My articles), keeps every pack and says why under the pack', async () => {
    const db = freshDatabase();
    await ensureStarterPack(db, async () => makePack({ id: STARTER_PACK_ID }));
    await installPack(db, makePack({ id: 'other-pack' }), { source: { kind: 'file' } });
    await installPack(db, makePack(), { source: { kind: 'url', url: PACK_URL } });
    const before = await exportAll(db);
    const server = publisher();
    for (const [id, name] of [['other-pack', 'Test pack'], [STARTER_PACK_ID, 'Test pack'], ['my-articles', 'Test pack']]) {
      server.publish(makePack({ id, version: '9.0.0', entities: [{ id: 'x', name: 'Mallory', type: 'Person' }], articles: [] }), `"${id}"`);
      expect(await checkPackUpdate(db, 'test-pack', { fetch: server.fetch, now: 1 })).toEqual({
        checkedAt: 1,
        outcome: 'failed',
        message: `Not updated: the downloaded file is another pack (“${name}”, id ${id}); an update may only replace this pack. The installed version stays.`,
      });
    }
    const after = await exportAll(db);
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] });
  });

  it('keeps the installed version when the new file is invalid, and says why', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'url', url: PACK_URL } });
    const before = await exportAll(db);
    const server = publisher();
    const broken = makePack({ version: '9.0.0' });
    (broken.entities[0] as { type: string }).type = 'Alien';
    server.publish(broken, '"bad"');
    expect(await checkPackUpdate(db, 'test-pack', { fetch: server.fetch, now: 1 })).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not a valid pack') });
    const after = await exportAll(db);
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] });
  });

  it('records a network failure and skips packs without an update address', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'url', url: PACK_URL } });
    await installPack(db, makePack({ id: 'local' }), { source: { kind: 'file' } });
    expect(await checkAllPackUpdates(db, { fetch: offline })).toBe(0);
    expect(await getUpdateState(db, 'test-pack')).toMatchObject({ outcome: 'failed', message: 'Could not reach packs.example.' });
    expect(await getUpdateState(db, 'local')).toBeUndefined();
  });
});

/** An answer whose body is 4 MB after 4 MB, without end. */
function endlessAnswer(): Response {
  const chunk = new Uint8Array(4_000_000).fill(0x20);
  return new Response(new ReadableStream({ pull: (controller) => controller.enqueue(chunk) }), { status: 200 });
}

/** An answer that sends its headers and then nothing, ever. */
function stalledAnswer(): Response {
  return new Response(new ReadableStream({ pull: () => new Promise<void>(() => undefined) }), { status: 200 });
}

/** What fetch gives after following a redirect: the final address, marked as redirected. */
function redirectedTo(url: string, body: unknown): Response {
  const response = new Response(JSON.stringify(body), { status: 200 });
  Object.defineProperties(response, { redirected: { value: true }, url: { value: url } });
  return response;
}

async function installFrom(url = PACK_URL) {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'url', url } });
  return db;
}

/** A server where one host throws, as an unreachable one does, and every other one serves version 2. */
async function partlyBroken(url: string): Promise<Response> {
  // As a real fetch does: a malformed address throws.
  if (!URL.canParse(url)) throw new TypeError('Failed to fetch');
  if (url.includes('throws')) throw new Error('boom');
  return new Response(JSON.stringify(makePack({ version: '2.0.0' })), { status: 200 });
}

describe('update downloads are held to the limits of any download', () => {

  it('cuts off an answer without end at the size cap and says so', async () => {
    const db = await installFrom();
    const state = await checkPackUpdate(db, 'test-pack', { fetch: async () => endlessAnswer(), now: 1 });
    expect(state).toMatchObject({ outcome: 'failed', message: 'The update was larger than 256 MB, the most a pack may be; the download was stopped.' });
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '1.0.0' });
  });

  it('stops a download that takes longer than the time limit', async () => {
    const db = await installFrom();
    const state = await checkPackUpdate(db, 'test-pack', { fetch: async () => stalledAnswer(), timeLimitMs: 1000, now: 1 });
    expect(state).toMatchObject({ outcome: 'failed', message: 'packs.example took longer than 1 second to send the update; the download was stopped.' });
  });

  it('checks for free space before installing an update', async () => {
    const db = await installFrom();
    const server = publisher();
    server.publish(makePack({ version: '2.0.0' }), '"v2"');
    const state = await checkPackUpdate(db, 'test-pack', { fetch: server.fetch, estimateStorage: async () => ({ quota: 1000, usage: 900 }), now: 1 });
    expect(state?.message).toMatch(/^Not updated: it needs about .+ of storage and the browser has .+ left\. The installed version stays\.$/u);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '1.0.0' });
  });

  it('refuses a redirect to another origin without reading it, and follows one on the same origin', async () => {
    const db = await installFrom();
    const other = await checkPackUpdate(db, 'test-pack', { fetch: async () => redirectedTo('https://evil.example/p.json', makePack({ version: '2.0.0' })), now: 1 });
    expect(other).toMatchObject({ outcome: 'failed', message: 'packs.example sent the update on to another site (evil.example); Backstory does not follow that.' });
    const same = await checkPackUpdate(db, 'test-pack', { fetch: async () => redirectedTo('https://packs.example/v2.json', makePack({ version: '2.0.0' })), now: 2 });
    expect(same).toMatchObject({ outcome: 'updated', version: '2.0.0' });
  });

  it('asks an update address written in a pack only over https and on the public internet; one the user typed may be local', async () => {
    for (const [updateUrl, problem] of [
      ['http://packs.example/p.json', 'an address written in a pack must use https'],
      ['https://127.0.0.1/p.json', '127.0.0.1 is not a public address (only an address you type yourself may be local)'],
      ['https://[::1]/p.json', '[::1] is not a public address (only an address you type yourself may be local)'],
      ['https://192.168.1.1/p.json', '192.168.1.1 is not a public address (only an address you type yourself may be local)'],
      ['https://169.254.169.254/latest', '169.254.169.254 is not a public address (only an address you type yourself may be local)'],
      ['https://router.local/p.json', 'router.local is not a public address (only an address you type yourself may be local)'],
      ['https://localhost/p.json', 'localhost is not a public address (only an address you type yourself may be local)'],
    ] as const) {
      const pack = makePack();
      const db = freshDatabase();
      await installPack(db, { ...pack, pack: { ...pack.pack, updateUrl } }, { source: { kind: 'file' } });
      const asked: string[] = [];
      const state = await checkPackUpdate(db, 'test-pack', { fetch: async (url) => (asked.push(url), new Response(null, { status: 304 })), now: 1 });
      expect(state).toMatchObject({ outcome: 'failed', message: `The pack's update address is refused: ${problem}.` });
      expect(asked).toEqual([]);
    }
    const typed = await installFrom('http://127.0.0.1:8080/p.json');
    expect(await checkPackUpdate(typed, 'test-pack', { fetch: async () => new Response(null, { status: 304 }), now: 1 })).toMatchObject({ outcome: 'up-to-date' });
  });

  it('goes on with the other packs when one fails in any way, even with a malformed stored address', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ id: 'broken' }), { source: { kind: 'url', url: PACK_URL } });
    await db.packs.update('broken', { source: { kind: 'url', url: 'not an address' } });
    await installPack(db, makePack({ id: 'throws' }), { source: { kind: 'url', url: 'https://throws.example/p.json' } });
    await installPack(db, makePack(), { source: { kind: 'url', url: PACK_URL } });
    expect(await checkAllPackUpdates(db, { fetch: partlyBroken, now: 1 })).toBe(1);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '2.0.0' });
    expect(await getUpdateState(db, 'broken')).toMatchObject({ outcome: 'failed', message: 'Could not reach the update address.' });
    expect(await getUpdateState(db, 'throws')).toMatchObject({ outcome: 'failed', message: 'Could not reach throws.example.' });
  });
});

describe('the daily check can be turned off per pack', () => {
  it('skips a pack whose daily check is off, and checks it again once it is back on', async () => {
    const db = await installFrom();
    const asked: string[] = [];
    const fetch = async (url: string) => (asked.push(url), new Response(null, { status: 304 }));
    await setDailyCheck(db, 'test-pack', false);
    expect(await checkAllPackUpdates(db, { fetch, now: 1 })).toBe(0);
    expect(asked).toEqual([]);
    expect(await getUpdateState(db, 'test-pack')).toBeUndefined();
    await setDailyCheck(db, 'test-pack', true);
    await checkAllPackUpdates(db, { fetch, now: 2 });
    expect(asked).toEqual([PACK_URL]);
    expect(await getUpdateState(db, 'test-pack')).toMatchObject({ outcome: 'up-to-date', checkedAt: 2 });
  });
});
