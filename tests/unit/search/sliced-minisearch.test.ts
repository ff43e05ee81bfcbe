import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadInSlices, loadNow, storeSteps } from '../../../lib/search/sliced-minisearch';

// No clean-up after removals here: it would run between the two serializations compared.
const OPTIONS = { fields: ['title', 'body'], storeFields: ['title'], autoVacuum: false };

/** What MiniSearch's own round trip (toJSON, loadJSON) gives, as a string: the same order of words as ours. */
const ownRoundTrip = (index: MiniSearch<never>) => JSON.stringify(MiniSearch.loadJSON(JSON.stringify(index), OPTIONS));

/** Enough documents and words for several chunks of each kind (2,000 documents, 25,000 postings a chunk). */
function bigIndex(): MiniSearch<{ id: string; title: string; body: string }> {
  const index = new MiniSearch<{ id: string; title: string; body: string }>(OPTIONS);
  for (let i = 0; i < 4_500; i++) {
    const words = Array.from({ length: 12 }, (_, j) => `w${(i * 7 + j * 13) % 900}`);
    index.add({ id: `d${i}`, title: `Story ${i} ${words[0]}`, body: words.join(' ') });
  }
  for (let i = 0; i < 4_500; i += 9) index.discard(`d${i}`);
  return index;
}

function steps<T>(generator: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = generator.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

describe('a MiniSearch index stored in chunks', () => {
  it("loads back to what MiniSearch's own toJSON gives, discarded documents included, a step per chunk", async () => {
    const index = bigIndex();
    const { value: stored, yields } = steps(storeSteps(index));
    expect(stored.documents.length).toBeGreaterThan(1);
    expect(stored.terms.length).toBeGreaterThan(1);
    // A step after each full chunk: the last chunk of each kind may be partial.
    expect(yields).toBeGreaterThanOrEqual(stored.documents.length + stored.terms.length - 2);
    const expected = ownRoundTrip(index as MiniSearch<never>);
    // Compared as strings: a deep-equality diff of this size takes minutes to print.
    expect(JSON.stringify(loadNow(stored, OPTIONS)) === expected).toBe(true);
    let pauses = 0;
    const sliced = await loadInSlices(stored, OPTIONS, () => void pauses++);
    expect(JSON.stringify(sliced) === expected).toBe(true);
    expect(pauses).toBe(stored.documents.length + stored.terms.length);
    expect(sliced.search('w13 w26', { combineWith: 'AND' })).toEqual(index.search('w13 w26', { combineWith: 'AND' }));
  });

  it('keeps an empty index empty', () => {
    const empty = new MiniSearch(OPTIONS);
    const loaded = loadNow(steps(storeSteps(empty)).value, OPTIONS);
    expect(loaded.documentCount).toBe(0);
    expect(JSON.stringify(loaded)).toBe(ownRoundTrip(empty as MiniSearch<never>));
  });
});
