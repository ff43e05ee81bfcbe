import { describe, expect, it } from 'vitest';
import { exportPack } from '../../../lib/kb/export-pack';
import { installPack, setPackEnabled, writePackRows } from '../../../lib/kb/install-pack';
import { entityKeys } from '../../../lib/kb/library-queries';
import { packToRows } from '../../../lib/kb/pack-to-rows';
import { removePackWithUndo, undoRemovePack } from '../../../lib/kb/pack-undo';
import { setDailyCheck } from '../../../lib/kb/pack-updates';
import { loadRefreshDays, setRefreshDays } from '../../../lib/kb/wikidata-packs';
import { validatePack } from '../../../lib/pack/validate';
import { exportAll, freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;

/** Everything but the revision counter and matcher snapshot, which every write bumps. */
async function content(db: ReturnType<typeof freshDatabase>) {
  const all = await exportAll(db);
  return { ...all, meta: all.meta?.filter((m) => !/^(revision|matcherSnapshot)/u.test((m as { key: string }).key)) };
}

describe('chunked pack writes', () => {
  it('reports progress chunk by chunk up to every row', async () => {
    const db = freshDatabase();
    const seen: Array<{ done: number; total: number }> = [];
    await installPack(db, makePack(), { source, chunkRows: 2, onProgress: (p) => seen.push(p) });
    const total = (await db.entities.count()) + (await db.articles.count());
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual({ done: total, total });
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual(dones.toSorted((a, b) => a - b));
  });

  it('leaves the knowledge base exactly as it was when the write stops after any chunk', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source, now: 1 });
    await installPack(db, makePack({ id: 'other' }), { source, now: 1 });
    const before = await exportAll(db);
    const update = packToRows(makePack({ version: '2.0.0' }), { source, now: 2 });
    const chunks = update.entities.length + update.articles.length;
    for (let failAt = 1; failAt <= chunks; failAt++) {
      let calls = 0;
      const failing = writePackRows(db, update, {
        chunkRows: 1,
        onProgress: () => {
          if (++calls === failAt) throw new DOMException('disk full', 'QuotaExceededError');
        },
      });
      await expect(failing).rejects.toThrow();
      expect(await exportAll(db), `failure after chunk ${failAt}`).toEqual(before);
    }
    // And the same update goes through once nothing fails.
    expect(await writePackRows(db, update)).toMatchObject({ status: 'updated' });
  });
});

/** A pack as plain JSON, its entities and articles sorted by id. */
function itemsById(pack: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(pack)) as { entities: Array<{ id: string }>; articles: Array<{ id: string }> };
  for (const list of [plain.entities, plain.articles]) list.sort((x, y) => x.id.localeCompare(y.id));
  return plain;
}

describe('export and undo', () => {
  it('exports a pack that validates, keeps unknown properties and re-imports to the same rows', async () => {
    const pack = makePack();
    (pack as unknown as Record<string, unknown>).extra = { kept: true };
    (pack.entities[0] as unknown as Record<string, unknown>).nickname = 'Enchantress of Numbers';
    (pack.entities[1] as unknown as Record<string, unknown>).match = { caseSensitive: true, futureRule: 'kept' };
    (pack.articles[0] as unknown as Record<string, unknown>).readingTime = { minutes: 3 };
    // "None declared" is not "find them": an empty list must come back as it went in.
    (pack.articles[2] as unknown as Record<string, unknown>).mentions = [];
    const db = freshDatabase();
    await installPack(db, pack, { source, now: 5 });
    const exported = await exportPack(db, 'test-pack');
    const validation = validatePack(JSON.parse(JSON.stringify(exported)));
    expect(validation.ok).toBe(true);
    expect((exported as unknown as Record<string, unknown>).extra).toEqual({ kept: true });
    // The same pack, items in key order.
    expect(itemsById(exported)).toEqual(itemsById(pack));
    const again = freshDatabase();
    await installPack(again, validation.ok ? validation.pack : pack, { source, now: 5 });
    expect(await exportAll(again)).toEqual(await exportAll(db));
  });

  it('undo after remove puts back every row, enabled state and dates', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source, now: 3 });
    await installPack(db, makePack({ id: 'other' }), { source, now: 4 });
    await setPackEnabled(db, 'test-pack', false);
    const before = await content(db);
    const removed = await removePackWithUndo(db, 'test-pack');
    expect(await entityKeys(db)).not.toContain('test-pack/ada');
    expect(await undoRemovePack(db, removed!)).toBe('restored');
    expect(await content(db)).toEqual(before);
  });

  it("removes the pack's own settings with it, and the undo brings them back", async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source, now: 3 });
    await installPack(db, makePack({ id: 'other' }), { source, now: 4 });
    await setDailyCheck(db, 'test-pack', false);
    await setRefreshDays(db, 'test-pack', 7);
    await setRefreshDays(db, 'other', 0);
    const before = await content(db);
    const removed = await removePackWithUndo(db, 'test-pack');
    const metaKeys = (await db.meta.toCollection().primaryKeys()).filter((key) => String(key).endsWith('/test-pack') && !String(key).startsWith('removedPack/'));
    expect(metaKeys).toEqual([]);
    expect(await loadRefreshDays(db)).toEqual(new Map([['other', 0]]));
    await undoRemovePack(db, removed!);
    expect(await content(db)).toEqual(before);
  });

  it('says there is nothing to remove for an unknown pack', async () => {
    expect(await removePackWithUndo(freshDatabase(), 'nope')).toBeUndefined();
  });
});

