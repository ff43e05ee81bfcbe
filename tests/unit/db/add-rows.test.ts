import { describe, expect, it } from 'vitest';
import { addRowsCommitted, signalTablesChanged } from '../../../lib/db/add-rows';
import { freshDatabase } from '../kb/test-db';

const row = (id: string) => ({ key: `p/${id}`, packId: 'p', id, name: id, type: 'Thing', alternateName: [], sameAs: [], nameFold: id });

describe('addRowsCommitted', () => {
  it('adds the rows, indexes included, and resolves once they are committed', async () => {
    const db = freshDatabase();
    await db.open();
    await addRowsCommitted(db.backendDB(), 'entities', [row('a'), row('b')]);
    expect(await db.entities.where('nameFold').equals('b').primaryKeys()).toEqual(['p/b']);
  });

  it('keeps nothing of a chunk the database refuses, and rejects with the reason', async () => {
    const db = freshDatabase();
    await db.open();
    await addRowsCommitted(db.backendDB(), 'entities', [row('a')]);
    await expect(addRowsCommitted(db.backendDB(), 'entities', [row('b'), row('a')])).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.entities.toCollection().primaryKeys()).toEqual(['p/a']);
  });

  it('keeps nothing of a chunk holding a row that cannot be stored', async () => {
    const db = freshDatabase();
    await db.open();
    await expect(addRowsCommitted(db.backendDB(), 'entities', [row('b'), { ...row('c'), name: () => 'not cloneable' }])).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await db.entities.count()).toBe(0);
  });

  it('tells the live queries of other contexts that the tables changed, every index over its whole range', async () => {
    const db = freshDatabase();
    await db.open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // What another context (the options page) hears: Dexie's own channel.
    const channel = new BroadcastChannel('x-storagemutated-1');
    const heard = new Promise<Record<string, unknown>>((resolve) => channel.addEventListener('message', (event) => resolve((event as MessageEvent).data), { once: true }));
    signalTablesChanged(db, ['entities', 'articles']);
    const parts = await heard;
    channel.close();
    for (const part of ['entities/', 'entities/:dels', 'entities/nameFold', 'articles/', 'articles/mentionIndex', 'articles/sortDate', 'articles/urlKey']) {
      expect(Object.keys(parts)).toContain(`idb://${db.name}/${part}`);
    }
  });
});
