import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { estimatePackSizes } from '../../../lib/kb/storage-usage';
import { freshDatabase, makePack } from './test-db';

describe('estimatePackSizes', () => {
  it('gives every pack a size that grows with its content', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ id: 'small', articles: [] }), { source: { kind: 'file' } });
    await installPack(db, makePack({ id: 'big' }), { source: { kind: 'file' } });
    const sizes = await estimatePackSizes(db);
    expect([...sizes.keys()].sort()).toEqual(['big', 'small']);
    expect(sizes.get('small')).toBeGreaterThan(200);
    expect(sizes.get('big')).toBeGreaterThan(sizes.get('small')! + 500);
  });
});
