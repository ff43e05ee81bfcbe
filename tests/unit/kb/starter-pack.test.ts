import { describe, expect, it } from 'vitest';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { STARTER_PACK_ID, ensureStarterPack } from '../../../lib/kb/starter-pack';
import { freshDatabase, makePack } from './test-db';

const starter = (version = '1.0.0') => makePack({ id: STARTER_PACK_ID, version });

describe('ensureStarterPack', () => {
  it('installs the starter pack on first run, once', async () => {
    const db = freshDatabase();
    expect(await ensureStarterPack(db, async () => starter())).toBe('installed');
    expect(await ensureStarterPack(db, async () => starter())).toBe('unchanged');
    expect(await db.packs.get(STARTER_PACK_ID)).toMatchObject({ source: { kind: 'builtin' } });
  });

  it('never brings it back after the user removed it', async () => {
    const db = freshDatabase();
    await ensureStarterPack(db, async () => starter());
    await removePackWithUndo(db, STARTER_PACK_ID);
    expect(await ensureStarterPack(db, async () => starter('2.0.0'))).toBe('unchanged');
    expect(await db.packs.get(STARTER_PACK_ID)).toBeUndefined();
  });

  it('updates it when a newer one ships', async () => {
    const db = freshDatabase();
    await ensureStarterPack(db, async () => starter());
    expect(await ensureStarterPack(db, async () => starter('1.1.0'))).toBe('updated');
    expect((await db.packs.get(STARTER_PACK_ID))?.version).toBe('1.1.0');
  });
});
