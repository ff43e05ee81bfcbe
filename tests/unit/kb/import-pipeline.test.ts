import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { runImport, type ImportProgress } from '../../../lib/kb/import-pipeline';
import { MY_ARTICLES_PACK_ID } from '../../../lib/kb/my-articles';
import { cleanUpStagedPacks } from '../../../lib/kb/staged-pack';
import { STARTER_PACK_ID } from '../../../lib/kb/starter-pack';
import { exportAll, freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('runImport', () => {
  it('goes through read, validate, prepare and write in order, and installs the pack', async () => {
    const db = freshDatabase();
    const seen: ImportProgress[] = [];
    const outcome = await runImport(db, gzipSync(bytesOf(makePack())), { source, onProgress: (p) => seen.push(p) });
    expect(outcome).toMatchObject({ ok: true, packName: 'Test pack', result: { status: 'installed', entities: 3, articles: 3 } });
    expect([...new Set(seen.map((p) => p.stage))]).toEqual(['read', 'validate', 'prepare', 'write']);
    const last = seen.at(-1)!;
    expect(last.done).toBe(last.total);
  });

  it('refuses an invalid pack with JSON paths and writes nothing', async () => {
    const db = freshDatabase();
    const before = await exportAll(db);
    const pack = makePack();
    (pack.articles[0] as { datePublished?: string }).datePublished = 'soon';
    const outcome = await runImport(db, bytesOf(pack), { source });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid-pack', issues: [{ path: 'articles[0].datePublished' }] });
    expect(await exportAll(db)).toEqual(before);
  });

  it('passes on the reader’s sentence for a file that is not JSON', async () => {
    const outcome = await runImport(freshDatabase(), new TextEncoder().encode('{"format": '), { source });
    expect(outcome).toMatchObject({ ok: false, code: 'bad-json' });
    expect(outcome.ok || outcome.message).toMatch(/line 1/u);
  });

  it('refuses early when the browser has too little space left, before writing anything', async () => {
    const db = freshDatabase();
    const bytes = bytesOf(makePack());
    const outcome = await runImport(db, bytes, { source, estimateStorage: async () => ({ usage: 900, quota: 1000 }) });
    expect(outcome).toMatchObject({ ok: false, code: 'no-space', available: 100 });
    expect(outcome.ok || outcome.needed).toBeGreaterThan(bytes.length);
    expect(await db.packs.count()).toBe(0);
  });

  it('says "already installed" for the same version without preparing rows, and replaces when asked', async () => {
    const db = freshDatabase();
    await runImport(db, bytesOf(makePack()), { source });
    const stages: string[] = [];
    const again = await runImport(db, bytesOf(makePack()), { source, onProgress: (p) => stages.push(p.stage) });
    expect(again).toMatchObject({ ok: true, result: { status: 'already-installed', installedVersion: '1.0.0' } });
    expect(stages).not.toContain('write');
    expect(await runImport(db, bytesOf(makePack()), { source, replace: true })).toMatchObject({ ok: true, result: { status: 'updated' } });
  });

  it('turns a full disk during the write into a "quota" outcome and keeps the library as it was', async () => {
    const db = freshDatabase();
    await runImport(db, bytesOf(makePack({ id: 'first' })), { source });
    const before = await exportAll(db);
    // Staged chunks are added through IndexedDB itself (lib/db/add-rows.ts): its first article refused.
    const storeType = Object.getPrototypeOf(db.backendDB().transaction('articles', 'readonly').objectStore('articles')) as IDBObjectStore;
    const add = storeType.add;
    const spy = vi.spyOn(storeType, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'articles') throw new DOMException('full', 'QuotaExceededError');
      return add.apply(this, args);
    });
    expect(await runImport(db, bytesOf(makePack({ id: 'second' })), { source })).toMatchObject({ ok: false, code: 'quota' });
    spy.mockRestore();
    // Nothing a reader sees changed: no pack row. On a full disk the staged rows are left
    // for the next clean-up (deleting needs room too), which leaves the library exactly as it was.
    expect(await db.packs.toArray()).toEqual(before.packs);
    expect(await cleanUpStagedPacks(db)).toBe(1);
    expect(await exportAll(db)).toEqual(before);
  });

  it('refuses a file that takes the id of the starter pack whatever its source, and of My articles as an update', async () => {
    const db = freshDatabase();
    const before = await exportAll(db);
    for (const from of [source, { kind: 'url', url: 'https://packs.example/p.json' } as const]) {
      const outcome = await runImport(db, bytesOf(makePack({ id: STARTER_PACK_ID })), { source: from, replace: true });
      expect(outcome).toMatchObject({ ok: false, code: 'reserved-id', packId: STARTER_PACK_ID });
    }
    const update = { source: { kind: 'url', url: 'https://packs.example/p.json' } as const, expectedPackId: MY_ARTICLES_PACK_ID };
    expect(await runImport(db, bytesOf(makePack({ id: MY_ARTICLES_PACK_ID })), update)).toMatchObject({ ok: false, code: 'reserved-id', packId: MY_ARTICLES_PACK_ID });
    expect(await exportAll(db)).toEqual(before);
  });

  it('asks before a file replaces a pack that came from another source, and replaces once the user says yes', async () => {
    const db = freshDatabase();
    const installedFrom = { kind: 'url', url: 'https://packs.example/p.json' } as const;
    await runImport(db, bytesOf(makePack()), { source: installedFrom });
    const before = await exportAll(db);
    const newer = bytesOf(makePack({ version: '2.0.0' }));
    for (const other of [source, { kind: 'url', url: 'https://elsewhere.example/p.json' } as const]) {
      expect(await runImport(db, newer, { source: other })).toEqual({
        ok: false,
        code: 'other-source',
        packId: 'test-pack',
        packName: 'Test pack',
        installedSource: installedFrom,
        issues: [],
        total: 0,
      });
    }
    expect(await exportAll(db)).toEqual(before);
    // The same origin is the same source: a newer version there is an ordinary update.
    expect(await runImport(db, newer, { source: { kind: 'url', url: 'https://packs.example/p-2.json' } })).toMatchObject({ ok: true, version: '2.0.0' });
    expect(await runImport(db, bytesOf(makePack({ version: '3.0.0' })), { source, replace: true })).toMatchObject({ ok: true, version: '3.0.0' });
    expect(await db.packs.get('test-pack')).toMatchObject({ source });
  });
});

