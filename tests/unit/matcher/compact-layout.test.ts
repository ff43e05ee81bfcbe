import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/matcher';
import { compileData } from '../../../lib/matcher/compile';
import { found, p } from './helpers';

describe('the compact layout (a million names in under 48 MB)', () => {
  it('stores a name\'s tail as one int per character and its end as one int', () => {
    const name = `${'Q'.repeat(150)}X`;
    // Root block (header, one label, one offset) + 150 single-child headers + one leaf.
    expect(compileData([p(name, 'e')]).blocks.length).toBeLessThanOrEqual(3 + 150 + 1);
    expect(found(compileMatcher([p(name, 'e')]), `See ${name} here, not ${name.slice(1)}.`)).toEqual([name]);
  });

  it('gives back every entity key exactly, whatever its shape', () => {
    const keys = ['pack/Q1', 'pack/Q2', 'other/deep/Q3', 'no-slash', '/leading', 'trailing/', 'pack/'];
    const matcher = compileMatcher(keys.map((key, i) => p(`Name${String.fromCharCode(65 + i)} Person`, key)));
    const text = keys.map((_, i) => `Name${String.fromCharCode(65 + i)} Person`).join(', ');
    expect(matcher.scan(text).map((s) => s.entityKeys)).toEqual(keys.map((key) => [key]));
  });

  it('keeps keys whole beyond the number of pack prefixes it can index', () => {
    const patterns = Array.from({ length: 70_000 }, (_, i) => p(`Zz${i.toString(36)} Town`, `pack-${i}/Q${i}`));
    const matcher = compileMatcher(patterns);
    const last = 69_999;
    expect(matcher.scan(`Zz0 Town and Zz${last.toString(36)} Town`).map((s) => s.entityKeys)).toEqual([['pack-0/Q0'], [`pack-${last}/Q${last}`]]);
  });

  it('applies case rules to names whose folds are stored apart as wide text', () => {
    // Greek keeps its capitals in the case-preserving fold: a two-byte string.
    const matcher = compileMatcher([p('Αθήνα', 'athens'), p('Lyon', 'lyon')]);
    expect(compileData([p('Αθήνα', 'athens')]).keepWide.length).toBeGreaterThan(0);
    expect(found(matcher, 'Αθήνα, ΑΘΗΝΑ and αθήνα; Lyon and lyon')).toEqual(['Αθήνα', 'ΑΘΗΝΑ', 'Lyon']);
  });

  it('stores no fold for names whose case is never checked or repeats the previous verdict', () => {
    const data = compileData([p('mcdonald', 'a'), p('McDonald', 'b'), p('McDonald', 'c')]);
    // Led by its length.
    expect(data.keepText).toBe('\u0008McDonald');
    const keys = compileMatcher([p('McDonald', 'b'), p('McDonald', 'c')]).scan('McDonald and mcdonald');
    expect(keys.map((s) => s.entityKeys)).toEqual([['b', 'c']]);
  });

  it('stores no fold for a name that is its key in Title Case, and rebuilds it from the span', () => {
    const names = ['Vera Torberg', 'Zoë Ball', 'Xi', 'New York', 'Jean-Luc Picard'];
    const data = compileData(names.map((name) => p(name, name)));
    expect(data.keepText + data.keepWide).toBe('\u000fJean-Luc Picard');
    const matcher = compileMatcher(names.map((name) => p(name, name)));
    const text = 'Vera Torberg, VERA TORBERG, Véra Tor\u00adberg; vera torberg, Vera torberg. Zoë Ball, Zoe Ball, zoe ball. Xi, XI, xi. NEW YORK, New york. Jean-Luc Picard, Jean-luc Picard.';
    expect(found(matcher, text)).toEqual(['Vera Torberg', 'VERA TORBERG', 'Véra Tor\u00adberg', 'Zoë Ball', 'Zoe Ball', 'Xi', 'NEW YORK', 'Jean-Luc Picard']);
  });

  it('keeps a one-byte fold longer than its length character can say with the wide folds', () => {
    const name = `xX${'ß'.repeat(130)}`;
    const data = compileData([p(name, 'long')]);
    expect(data.keepText).toBe('');
    expect(data.keepWide.charCodeAt(0)).toBe(data.keepWide.length - 1);
    expect(data.keepWide.length).toBeGreaterThan(256);
    expect(found(compileMatcher([p(name, 'long')]), `${name}, ${name.toLowerCase()}`)).toEqual([name]);
  });
});
