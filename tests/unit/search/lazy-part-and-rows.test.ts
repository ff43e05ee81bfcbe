import { describe, expect, it } from 'vitest';
import { LazyPart } from '../../../lib/search/lazy-part';
import { ResultRowStore } from '../../../lib/search/result-rows';

function countingLoader() {
  const calls = { now: 0, inSlices: 0 };
  return {
    calls,
    loader: {
      now: (stored: string) => (calls.now++, stored.toUpperCase()),
      inSlices: async (stored: string) => (calls.inSlices++, stored.toUpperCase()),
    },
  };
}

describe('LazyPart', () => {
  it('keeps the stored form until asked, then loads once', async () => {
    const { calls, loader } = countingLoader();
    const part = new LazyPart<string, string>({ stored: 'text' }, loader);
    expect(part.loaded).toBe(false);
    expect(part.peek()).toBeUndefined();
    expect(part.toStored((v) => `serialized ${v}`)).toBe('text');
    await Promise.all([part.loadInSlices(), part.loadInSlices()]);
    expect(part.peek()).toBe('TEXT');
    expect(part.now()).toBe('TEXT');
    expect(calls).toEqual({ now: 0, inSlices: 1 });
    expect(part.toStored((v) => `serialized ${v}`)).toBe('serialized TEXT');
  });

  it('loads at once when a change needs it, and a slower sliced load then keeps that one', async () => {
    let finish: ((value: string) => void) | undefined;
    const part = new LazyPart<string, string>({ stored: 'text' }, { now: () => 'at once', inSlices: () => new Promise((resolve) => (finish = resolve)) });
    const slices = part.loadInSlices();
    expect(part.now()).toBe('at once');
    finish?.('sliced');
    await slices;
    expect(part.peek()).toBe('at once');
  });

  it('starts loaded from a value', () => {
    const { calls, loader } = countingLoader();
    expect(new LazyPart<string, string>({ value: 'v' }, loader).now()).toBe('v');
    expect(calls).toEqual({ now: 0, inSlices: 0 });
  });
});

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
