import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherSnapshot } from '../../../lib/matcher';
import { p } from './helpers';

const patterns = [
  p('Vladimir Putin', 'putin'),
  p('Putin', 'putin', { exclude: ['Putin Street'] }),
  p('SCO', 'sco'),
  p('习近平', 'xi'),
  p('Georgia', 'country'),
  p('Georgia', 'state'),
];
const text = "VLADIMIR PUTIN, Putin's SCO, Putin Street, 习近平主席, Georgia, Sco";

describe('snapshot', () => {
  it('round-trips through structured clone and scans the same', () => {
    const m = compileMatcher(patterns);
    const loaded = loadMatcher(structuredClone(m.snapshot()));
    expect(loaded.scan(text)).toEqual(m.scan(text));
    expect(loaded.scan(text)).toHaveLength(5);
    expect(loaded.patternCount).toBe(m.patternCount);
  });
  it('holds only typed arrays, strings, numbers and arrays', () => {
    const { data } = compileMatcher(patterns).snapshot();
    for (const value of Object.values(data)) {
      const ok =
        ArrayBuffer.isView(value) ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string'));
      expect(ok).toBe(true);
    }
  });
  it('throws on an unknown format', () => {
    const snap = compileMatcher(patterns).snapshot();
    expect(() => loadMatcher({ ...snap, format: 999 })).toThrow(/format/);
  });
  it('throws on malformed data', () => {
    expect(() => loadMatcher({ format: compileMatcher(patterns).snapshot().format, data: {} } as MatcherSnapshot)).toThrow(/Malformed/);
  });
});
