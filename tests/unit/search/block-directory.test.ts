import { describe, expect, it } from 'vitest';
import { blocksBetween } from '../../../lib/search/term-index/block-directory';

describe('blocksBetween', () => {
  const firsts = ['apple', 'cherry', 'kiwi', 'lemon', 'mango'];

  it('finds the block a word falls in: the last one beginning at or before it', () => {
    expect(blocksBetween(firsts, 'date', 'date', 0)).toEqual({ firsts: ['cherry'], cut: false });
    expect(blocksBetween(firsts, 'kiwi', 'kiwi', 0)).toEqual({ firsts: ['kiwi'], cut: false });
    expect(blocksBetween(firsts, 'zebra', 'zebra', 0)).toEqual({ firsts: ['mango'], cut: false });
    expect(blocksBetween(firsts, 'aaa', 'aaa', 0)).toEqual({ firsts: [], cut: false });
  });

  it('adds the blocks beginning inside a range, up to a limit, and says when it stopped short', () => {
    expect(blocksBetween(firsts, 'c', 'l\uffff', 5)).toEqual({ firsts: ['apple', 'cherry', 'kiwi', 'lemon'], cut: false });
    expect(blocksBetween(firsts, 'c', 'l\uffff', 2)).toEqual({ firsts: ['apple', 'cherry', 'kiwi'], cut: true });
    expect(blocksBetween([], 'a', 'z', 3)).toEqual({ firsts: [], cut: false });
  });
});
