import { describe, expect, it } from 'vitest';
import { ResultRowStore } from '../../../lib/search/result-rows';

describe('ResultRowStore', () => {
  const entity = { key: 'p/ada', name: 'Ada Lovelace', type: 'Person', alternateName: ['Lovelace'], description: 'Mathematician.' };
  const article = { key: 'p/notes', headline: 'Notes', publisher: 'Journal', datePublished: '1843-09-01', articleBody: 'Long notes.' };

  it('gives the rows asked for that it holds, by key', () => {
    const store = new ResultRowStore();
    store.setEntity(entity);
    store.setArticle(article);
    const rows = store.get(['p/ada', 'p/missing'], ['p/notes']);
    expect([...rows.entities.keys()]).toEqual(['p/ada']);
    expect(rows.articles.get('p/notes')).toEqual(article);
    store.deleteEntity('p/ada');
    expect(store.get(['p/ada'], []).entities.size).toBe(0);
  });

  it('comes back the same from its stored form, at once or chunk by chunk', async () => {
    const store = new ResultRowStore();
    for (let i = 0; i < 4_500; i++) store.setEntity({ ...entity, key: `p/e${i}` });
    store.setArticle(article);
    const stored = JSON.parse(JSON.stringify(store.toStored())) as string[];
    expect(stored.length).toBeGreaterThan(1);
    let yields = 0;
    const sliced = await ResultRowStore.fromStored(stored, async () => void yields++);
    expect(yields).toBe(stored.length);
    for (const loaded of [sliced, ResultRowStore.fromStoredNow(stored)]) {
      expect(loaded.size).toBe(store.size);
      expect(loaded.get(['p/e4499'], ['p/notes'])).toEqual(store.get(['p/e4499'], ['p/notes']));
    }
  });
});
