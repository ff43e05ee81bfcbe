import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherInSteps } from '../../../lib/matcher';
import { p } from './helpers';

// Three compiles of 20,000 names: seconds on a loaded machine; the checks are counts and equality, not time.
describe('the compile in steps', { timeout: 30_000 }, () => {
  it('hands the thread back between slices and builds the same matcher', async () => {
    const patterns = Array.from({ length: 20_000 }, (_, i) => p(`Town ${i.toString(36)} Vale`, `pack/Q${i}`));
    let pauses = 0;
    const inSteps = await compileMatcherInSteps(patterns, {
      budgetMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    // 20,000 names, keys and a few times as many trie nodes: a slice per few thousand.
    expect(pauses).toBeGreaterThan(20);
    const text = 'From Town 0 Vale to Town ezz Vale, past TOWN 1 VALE and town 2 vale.';
    expect(inSteps.scan(text)).toEqual(compileMatcher(patterns).scan(text));
    expect(inSteps.snapshot()).toEqual(compileMatcher(patterns).snapshot());
  });
});
