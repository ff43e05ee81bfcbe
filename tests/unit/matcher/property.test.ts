import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherPattern } from '../../../lib/matcher';
import { referenceScan } from './reference-matcher';

/** Name parts rich in folding edge cases: accents both ways, ß/ss, ligatures, CJK, astral, Thai. */
const PARTS = [
  'Pu', 'tin', 'Xi', 'Jin', 'ping', 'Er', 'doğ', 'dog', 'an', 'Stra', 'ße', 'sse', 'ﬁ', 'fi', 'sh',
  'José', 'Jose\u0301', 'é', 'e', 'SCO', 'NATO', '习', '近平', '主席', 'プー', 'チン', '푸틴', 'กรุง',
  '𝐀', 'Ł', 'l', 'ø', 'o', 'A', 'a', 'İ', 'i', 'XI', 'ς', 'σ',
];
const SEPARATORS = [' ', '  ', '\u00a0', '\n', '\t', '-', '‑', '–', "'", '’', "'s", '’s', ',', '. ', '😀', '\u00ad', '\u0301', ''];

const SPACE_RUNS = [' ', '  ', '\u00a0', ' \n\t', '\u3000', ' \u00ad '];
const HYPHENS = ['-', '‐', '‑', '–'];
const part = fc.constantFrom(...PARTS);
const sep = fc.constantFrom(...SEPARATORS);
const caseVariant = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
);

const name = fc
  .tuple(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' ', '-'))
  .map(([parts, joiner]) => parts.join(joiner));

const pattern: fc.Arbitrary<MatcherPattern> = fc.record({
  text: name,
  entityKey: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  caseSensitive: fc.constantFrom(undefined, true, false),
  exclude: fc.option(
    fc.tuple(part, fc.boolean()).map(([extra, before]) => [before ? `${extra} ` : '', after(extra, before)]),
    { nil: undefined },
  ),
}).map((p) => ({ ...p, exclude: p.exclude && [p.exclude[0] + p.text + p.exclude[1]] }));

function after(extra: string, before: boolean): string {
  return before ? '' : ` ${extra}`;
}

/** Texts mostly made of the patterns' own names (so that matches happen), in random case. */
function textFor(patterns: MatcherPattern[]): fc.Arbitrary<string> {
  const names = patterns.map((p) => p.text);
  const token = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), caseVariant, fc.constantFrom(...SPACE_RUNS), fc.constantFrom(...HYPHENS))
        .map(([n, f, space, hyphen]) => f(n).replaceAll(' ', space).replaceAll('-', hyphen)),
    },
    { weight: 2, arbitrary: part },
    { weight: 1, arbitrary: fc.constantFrom(...patterns.flatMap((p) => p.exclude ?? []), 'x') },
  );
  return fc.array(fc.tuple(token, sep), { maxLength: 12 }).map((items) => items.map(([t, s]) => t + s).join(''));
}

const scenario = fc
  .array(pattern, { minLength: 1, maxLength: 6 })
  .chain((patterns) => fc.tuple(fc.constant(patterns), textFor(patterns)));

// Generous timeouts: the machine is shared; these are not timing assertions.
describe('matcher against the reference implementation', { timeout: 120_000 }, () => {
  it('finds the same spans and entity keys', () => {
    fc.assert(
      fc.property(scenario, ([patterns, text]) => {
        expect(compileMatcher(patterns).scan(text)).toEqual(referenceScan(patterns, text));
      }),
      { numRuns: 600 },
    );
  });

  it('finds the same spans on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (patterns, text) => {
          expect(compileMatcher(patterns).scan(text)).toEqual(referenceScan(patterns, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('behaves the same after a structured-clone round trip', () => {
    fc.assert(
      fc.property(scenario, ([patterns, text]) => {
        const m = compileMatcher(patterns);
        expect(loadMatcher(structuredClone(m.snapshot())).scan(text)).toEqual(m.scan(text));
      }),
      { numRuns: 100 },
    );
  });

  it('returns ordered, non-overlapping spans on whole characters', () => {
    fc.assert(
      fc.property(scenario, ([patterns, text]) => {
        let last = 0;
        for (const s of compileMatcher(patterns).scan(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.entityKeys.length).toBeGreaterThan(0);
          expect(new Set(s.entityKeys).size).toBe(s.entityKeys.length);
          // Never split a surrogate pair.
          expect(/^[\udc00-\udfff]/u.test(text.slice(s.start))).toBe(false);
          last = s.end;
        }
      }),
      { numRuns: 150 },
    );
  });
});
