import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileData } from '../../../lib/matcher/compile';
import { firstWordNode, firstWordTable, type KeyUnits } from '../../../lib/matcher/first-word-table';
import { getFoldTables } from '../../../lib/matcher/fold-tables';
import { foldString } from '../../../lib/matcher/fold-text';
import type { MatcherData } from '../../../lib/matcher/matcher-data';
import { FlatMatcher } from '../../../lib/matcher/scanner';
import { runSteps } from '../../../lib/matcher/steps';
import { finishWordHash, WORD_HASH_PRIME, WORD_HASH_SEED } from '../../../lib/matcher/word-filter';
import type { MatcherPattern } from '../../../lib/matcher/types';
import { p } from './helpers';
import { referenceScan } from './reference-matcher';

/** The patterns' distinct folded keys, sorted, as the compile hands them to the table. */
function keysOf(patterns: readonly MatcherPattern[]): KeyUnits {
  const keys = [...new Set(patterns.map((x) => foldString(getFoldTables(), x.text)).filter((k) => k !== ''))].toSorted();
  const start = new Int32Array(keys.length);
  const end = new Int32Array(keys.length);
  const units = new Uint16Array(keys.reduce((n, key) => n + key.length, 0));
  let at = 0;
  keys.forEach((key, k) => {
    start[k] = at;
    for (let i = 0; i < key.length; i++) units[at++] = key.charCodeAt(i);
    end[k] = at;
  });
  return { units, start, end };
}

/** The matcher with a first-word table that holds at most `maxWords` words (the scan walks the others from the root). */
function withTable(patterns: readonly MatcherPattern[], maxWords: number): FlatMatcher {
  const data = compileData(patterns);
  return new FlatMatcher({ ...data, ...runSteps(firstWordTable(keysOf(patterns), data.blocks, data.cls, maxWords)) } as MatcherData);
}

function nodeOf(data: MatcherData, word: string): number {
  let h = WORD_HASH_SEED;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), WORD_HASH_PRIME);
  return firstWordNode(data, data.fold, finishWordHash(h), word, 0, word.length);
}

// Generous timeout: the machine is shared; these are not timing assertions.
describe('first-word table', { timeout: 120_000 }, () => {
  const patterns = [p('Vladimir Putin', 'putin'), p('Vladimir', 'city'), p('Springfield', 'town'), p('Москва', 'moscow'), p('Spring Hill', 'hill')];

  it('holds each first word (folded, one byte per unit) and no other word', () => {
    const data = compileData(patterns);
    expect(nodeOf(data, 'vladimir')).toBeGreaterThan(0);
    expect(nodeOf(data, 'springfield')).toBeGreaterThan(0);
    expect(nodeOf(data, 'spring')).toBeGreaterThan(0);
    for (const other of ['vlad', 'springfiel', 'putin', 'hill', 'xyz']) expect(nodeOf(data, other)).toBe(-1);
    // Units above U+00FF are left out (the records stay one byte per character); such words walk from the root.
    expect(nodeOf(data, 'москва')).toBe(-1);
    expect([...data.firstWordText].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
  });

  it('keeps the words that begin the most names when it may not hold them all', () => {
    const data = compileData(patterns);
    const table = runSteps(firstWordTable(keysOf(patterns), data.blocks, data.cls, 1));
    const one = { ...data, ...table };
    expect(nodeOf(one, 'vladimir')).toBeGreaterThan(0);
    expect(nodeOf(one, 'springfield')).toBe(-1);
  });

  it('finds the same spans whether the table holds every word, some or none', () => {
    const text = 'Vladimir Putin met Vladimir in Springfield, then SPRINGFIELD, Spring Hill and Москва; vladimir putin, Vladimirs.';
    const expected = referenceScan(patterns, text);
    expect(expected.length).toBeGreaterThan(4);
    for (const maxWords of [0, 1, 2, 100]) expect(withTable(patterns, maxWords).scan(text)).toEqual(expected);
  });

  // Names that share first words, in scripts and spellings that take each path of the scan.
  const WORDS = ['Vladimir', 'Vlad', 'Spring', 'Springfield', 'Straße', 'Strasse', 'José', 'Jose\u0301', 'Łódź', 'Москва', 'SCO', 'de', 'van', 'O’Neil', '1950'];
  const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const scenario = fc
    .tuple(fc.array(fc.tuple(name, fc.constantFrom('a', 'b')), { minLength: 1, maxLength: 8 }), fc.nat({ max: 4 }))
    .chain(([names, maxWords]) =>
      fc.tuple(
        fc.constant(names.map(([text, key]) => p(text, key))),
        fc.constant(maxWords),
        fc
          .array(fc.tuple(fc.constantFrom(...WORDS, ...names.map(([n]) => n), 'x'), fc.constantFrom(' ', ', ', '. ', '-', "'s ", '\u00a0', '')), { maxLength: 14 })
          .map((items) => items.map(([w, s]) => (w.length > 3 && w.charCodeAt(0) % 3 === 0 ? w.toUpperCase() : w) + s).join('')),
      ),
    );

  it('agrees with the reference matcher on random text, with a full or partial table', () => {
    fc.assert(
      fc.property(scenario, ([names, maxWords, text]) => {
        expect(withTable(names, maxWords).scan(text)).toEqual(referenceScan(names, text));
      }),
      { numRuns: 150 },
    );
  });
});
