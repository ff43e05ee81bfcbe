import { describe, expect, it } from 'vitest';
import { wordBitSet } from '../../../lib/matcher/word-filter';

describe('word bit set', () => {
  it('is sized by the distinct first words, not by the names (many names share one)', () => {
    const shared = wordBitSet(Array.from({ length: 100_000 }, (_, i) => i % 100));
    const distinct = wordBitSet(Array.from({ length: 100_000 }, (_, i) => i));
    expect(shared.length * 32).toBe(1 << 13);
    expect(distinct.length * 32).toBe(1 << 21);
  });
});
