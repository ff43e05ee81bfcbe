import { describe, expect, it } from 'vitest';
import { compileMatcher, type Matcher } from '../../../lib/matcher';
import { p } from './helpers';

/** Each match as "span=key,key", in text order. */
function matches(m: Matcher, text: string): string[] {
  return m.scan(text).map((s) => `${text.slice(s.start, s.end)}=${s.entityKeys.join(',')}`);
}

// The checks remember verdicts (candidate-checks.ts): by span text for spans that are not
// plain ASCII, and the entity keys per group and per pattern of verdicts. A name that comes
// back must get the verdict of its own spelling and context, not of an earlier occurrence.
describe('remembered candidate checks', () => {
  it('gives each spelling of a shared name its own entity keys, however often it repeats', () => {
    const m = compileMatcher([p('Paris', 'city'), p('PARIS', 'acronym', { caseSensitive: true })]);
    const text = 'Paris, PARIS, Paris and PARIS. '.repeat(3);
    expect(matches(m, text)).toEqual(Array.from({ length: 6 }, () => ['Paris=city', 'PARIS=city,acronym']).flat());
  });

  it('does the same for names with diacritics, which take the folding checks', () => {
    const m = compileMatcher([p('Zürich', 'city'), p('ZÜRICH', 'acronym', { caseSensitive: true })]);
    const text = 'Zürich, ZÜRICH, zürich, Zürich and ZÜRICH. '.repeat(2);
    expect(matches(m, text)).toEqual(Array.from({ length: 2 }, () => ['Zürich=city', 'ZÜRICH=city,acronym', 'Zürich=city', 'ZÜRICH=city,acronym']).flat());
  });

  it('does not carry an exclusion over to the same span elsewhere', () => {
    const m = compileMatcher([p('Türkei', 'country', { exclude: ['Türkei Tag'] })]);
    expect(matches(m, 'Türkei Tag, dann Türkei heute, Türkei Tag, Türkei.')).toEqual(['Türkei=country', 'Türkei=country']);
  });

  it('keeps the keys of a name shared by many entities once each, in pattern order', () => {
    const patterns = Array.from({ length: 40 }, (_, i) => p('Springfield', `town${i % 20}`));
    const m = compileMatcher([...patterns, p('SPRINGFIELD', 'brand', { caseSensitive: true })]);
    const towns = Array.from({ length: 20 }, (_, i) => `town${i}`).join(',');
    expect(matches(m, 'Springfield and SPRINGFIELD and Springfield')).toEqual([
      `Springfield=${towns}`,
      `SPRINGFIELD=${towns},brand`,
      `Springfield=${towns}`,
    ]);
  });
});
