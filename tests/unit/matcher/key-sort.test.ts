import { describe, expect, it } from 'vitest';
import { groupByKey, sortByKey } from '../../../lib/matcher/key-sort';
import { runSteps } from '../../../lib/matcher/steps';
import { UnitBuffer } from '../../../lib/matcher/unit-buffer';

/** Keys in one buffer, as name-folds.ts writes them. */
function column(keys: readonly string[]): { units: Uint16Array; start: Int32Array } {
  const buffer = new UnitBuffer();
  const start = new Int32Array(keys.length + 1);
  keys.forEach((key, i) => {
    buffer.pushString(key);
    start[i + 1] = buffer.length;
  });
  return { units: buffer.units, start };
}

const KEYS = ['b', 'ba', 'a', 'ab', 'a b', 'é', 'z', '\u{1F600}x', 'ﬀ', 'aa', 'a\uffff', '\uffff', 'zz', 'a', 'ab', 'b'];

describe('names sorted and grouped by key', () => {
  it('sorts in the default string order, equal keys in input order', () => {
    // Many keys sharing long prefixes and repeating, so that every partition path is taken.
    const keys = [...KEYS, ...Array.from({ length: 9000 }, (_, i) => `k${(i * 7919) % 4001} ${'x'.repeat(i % 5)}`)];
    const { order } = runSteps(sortByKey(column(keys), keys.length));
    const expected = keys.map((key, i) => ({ key, i })).toSorted((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
    expect([...order]).toEqual(expected.map((e) => e.i));
  });

  it('groups equal keys and counts the units each key shares with the one before', () => {
    const keys = ['ab', 'abc', 'ab', 'b', 'abd'];
    const col = column(keys);
    const sorted = runSteps(sortByKey(col, keys.length));
    expect([...sorted.order]).toEqual([0, 2, 1, 4, 3]);
    const groups = runSteps(groupByKey(sorted));
    expect([...groups.groupStart]).toEqual([0, 2, 3, 4, 5]);
    expect([...groups.shared]).toEqual([0, 2, 2, 0]);
  });

  it('sorts nothing', () => {
    const col = column([]);
    expect(runSteps(groupByKey(runSteps(sortByKey(col, 0)))).groupStart).toEqual(new Int32Array([0]));
  });
});
