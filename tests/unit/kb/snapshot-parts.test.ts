import { describe, expect, it } from 'vitest';
import { loadInParts, saveInParts } from '../../../lib/kb/snapshot-parts';
import { freshDatabase } from './test-db';

const MB = 1024 * 1024;

/** Data shaped like a matcher snapshot at scale: large typed arrays and strings beside small values. */
function bigData() {
  const blocks = new Int32Array(1_200_000);
  for (let i = 0; i < blocks.length; i++) blocks[i] = i * 7;
  const fold = new Uint16Array(65_536).map((_, i) => i ^ 0x55);
  return { blocks, fold, keepText: 'Vera Torberg '.repeat(100_000), patternCount: 42, entityPrefixes: ['a/', 'b/'] };
}

const noPause = async (): Promise<void> => undefined;

const metaRows = async (db: ReturnType<typeof freshDatabase>) => (await db.meta.toArray()).map((row) => row.key);

describe('a snapshot stored in parts', () => {
  it('comes back equal, each part at most 2 MB and a pause between parts', async () => {
    const db = freshDatabase();
    const data = bigData();
    let pauses = 0;
    const pause = async () => void pauses++;
    await saveInParts(db, { revision: 3 }, data, { pause });
    const parts = (await db.meta.toArray()).filter((row) => row.key.startsWith('matcherSnapshotPart/'));
    // 4.8 MB of blocks in three parts, the fold table in one, 2.6 MB of text in two.
    expect(parts).toHaveLength(6);
    for (const part of parts) {
      const value = part.value as ArrayBufferView | string;
      expect(typeof value === 'string' ? value.length * 2 : value.byteLength).toBeLessThanOrEqual(2 * MB);
    }
    expect(pauses).toBeGreaterThanOrEqual(parts.length);
    const loaded = await loadInParts<{ revision: number }>(db, (meta) => meta.revision === 3, { pause });
    expect(loaded?.meta).toEqual({ revision: 3 });
    const { blocks, fold, ...small } = loaded!.data as ReturnType<typeof bigData>;
    expect(blocks).toBeInstanceOf(Int32Array);
    expect(Buffer.from(blocks.buffer).equals(Buffer.from(data.blocks.buffer))).toBe(true);
    expect(Buffer.from(fold.buffer).equals(Buffer.from(data.fold.buffer))).toBe(true);
    expect(small).toEqual({ keepText: data.keepText, patternCount: 42, entityPrefixes: ['a/', 'b/'] });
  });

  it('is not read when the head says it is for another revision', async () => {
    const db = freshDatabase();
    await saveInParts(db, { revision: 3 }, bigData(), { pause: noPause });
    expect(await loadInParts<{ revision: number }>(db, (meta) => meta.revision === 4, { pause: noPause })).toBeUndefined();
  });

  it('replaces the previous snapshot, whose parts go, and clears parts a stopped save left', async () => {
    const db = freshDatabase();
    await saveInParts(db, { revision: 1 }, { text: 'x'.repeat(MB + 1) }, { pause: noPause });
    // A save cut off after its first part (the worker was stopped): the head is still the first one's.
    await db.meta.put({ key: 'matcherSnapshotPart/9/0', value: 'orphan' });
    expect((await loadInParts<{ revision: number }>(db, () => true, { pause: noPause }))?.meta).toEqual({ revision: 1 });
    await saveInParts(db, { revision: 2 }, { text: 'short' }, { pause: noPause });
    expect(await metaRows(db)).toEqual(['matcherSnapshot', 'matcherSnapshotPart/2/0']);
    expect((await loadInParts<{ revision: number }>(db, () => true, { pause: noPause }))?.data).toEqual({ text: 'short' });
  });

  it('reads a snapshot of the layout before parts as none (the matcher is rebuilt)', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: 'matcherSnapshot', value: { revision: 1, snapshot: { format: 7, data: {} } } });
    expect(await loadInParts(db, () => true, { pause: noPause })).toBeUndefined();
  });
});
