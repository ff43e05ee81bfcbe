import { describe, expect, it } from 'vitest';
import { LazyPart } from '../../../lib/search/lazy-part';

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
