import { describe, expect, it, vi } from 'vitest';
import { CardCache } from '../../../entrypoints/content/card-cache';
import type { EntityCard } from '../../../lib/kb/entity-card';

const card = (key: string) => ({ key, name: key }) as EntityCard;

describe('CardCache', () => {
  it('asks once per set of keys, keeps the 32 most recently used, and forgets all on clear', async () => {
    const load = vi.fn(async (keys: readonly string[]) => keys.map(card));
    const cache = new CardCache(load);
    await cache.get(['a']);
    await cache.get(['a']);
    expect(load).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 32; i++) await cache.get([`k${i}`]);
    await cache.get(['k0']);
    expect(load).toHaveBeenCalledTimes(33);
    await cache.get(['a']); // evicted: the least recently used
    expect(load).toHaveBeenCalledTimes(34);
    cache.clear();
    await cache.get(['k0']);
    expect(load).toHaveBeenCalledTimes(35);
  });

  it('does not keep a failed answer: the next hover asks again', async () => {
    const load = vi.fn<(keys: readonly string[]) => Promise<EntityCard[]>>().mockRejectedValueOnce(new Error('asleep')).mockResolvedValue([card('a')]);
    const cache = new CardCache(load);
    await expect(cache.get(['a'])).rejects.toThrow('asleep');
    await expect(cache.get(['a'])).resolves.toEqual([card('a')]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
