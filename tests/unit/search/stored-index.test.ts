import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_FORMAT } from '../../../lib/search/search-index';
import { loadStoredState, saveStoredState, type StoredState } from '../../../lib/search/stored-index';
import { freshDatabase } from '../kb/test-db';

const noPause = async (): Promise<void> => undefined;
const chunks = (n: number, chars: number) => Array.from({ length: n }, (_, i) => JSON.stringify([`chunk ${i}`, 'x'.repeat(chars)]));

describe('the stored search index', () => {
  it('comes back chunk for chunk, small chunks grouped into parts of about 1 MB, a large pack\'s ids over several chunks', async () => {
    const db = freshDatabase();
    const minisearch = { head: '{"documentCount":3}', documents: chunks(3, 10), terms: chunks(40, 60_000) };
    const ids = Array.from({ length: 12_000 }, (_, i) => `a:big/${i}`);
    const state: StoredState = {
      revision: 7,
      packs: new Map([['big', { signature: 's1', ids }], ['empty', { signature: 's2', ids: [] }]]),
      index: { format: SEARCH_INDEX_FORMAT, entities: minisearch, headlines: { ...minisearch, terms: [] }, bodies: minisearch, rows: chunks(5, 100) },
    };
    await saveStoredState(db, state, noPause);
    const parts = (await db.meta.where('key').startsWith('searchIndexPart/').toArray()).map((row) => row.value as string);
    // 2.4 MB of terms in each of two indexes: three parts each, not forty.
    expect(parts.length).toBeLessThan(20);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(1_048_576);
    expect(await loadStoredState(db, noPause)).toEqual(state);
    expect(await loadStoredState(db, noPause, 7)).toBeDefined();
    expect(await loadStoredState(db, noPause, 8)).toBeUndefined();
  });
});
