import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { checkAllPackUpdates, checkPackUpdate, getUpdateState } from '../../../lib/kb/pack-updates';
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
