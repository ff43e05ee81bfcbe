import { describe, expect, it } from 'vitest';
import { restoreLosses } from '../../../lib/kb/restore-losses';

describe('restoreLosses', () => {
  it('lists what an older backup lacks, kind by kind', () => {
    expect(restoreLosses({ packs: 3, articles: 120, entities: 40, entityEdits: 2 }, { packs: 2, articles: 100, entities: 40, entityEdits: 5 })).toEqual([
      { kind: 'packs', count: 1 },
      { kind: 'articles', count: 20 },
    ]);
  });

  it('is empty when the backup holds at least as much', () => {
    expect(restoreLosses({ packs: 1, articles: 1, entities: 1, entityEdits: 0 }, { packs: 1, articles: 5, entities: 1, entityEdits: 0 })).toEqual([]);
  });
});
