import { describe, expect, it } from 'vitest';
import { addRowsCommitted } from '../../../lib/db/add-rows';
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
});
