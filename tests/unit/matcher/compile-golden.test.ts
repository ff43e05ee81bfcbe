/**
 * The compiled snapshot, byte for byte: a seeded pattern set rich in what the compile
 * decides (shared names and aliases, entity keys repeated out of order, case rules,
 * exclude phrases and the common phrases, diacritics, expansions, CJK, astral, names
 * over the limits) compiled and hashed field by field, and scanned. The expected
 * digests were computed with the compile as it was before its rewrite for speed
 * (5f77a8b): a faster compile must build the very same matcher. Change them only with
 * a snapshot format bump (lib/matcher/matcher-data.ts), and say why. Format 8 (the scan's
 * first-word table, word bit sets sized by distinct first words): those four fields'
 * digests are the scan branch's own compile's, before the two branches met; every other
 * field and the spans are 5f77a8b's.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherInSteps, type MatcherPattern } from '../../../lib/matcher';
import { seededRandom } from '../../../bench/random';

const FIRST = ['Vladimir', 'José', 'Jose\u0301', 'Søren', 'Łukasz', 'Straße', 'Strasse', 'ﬁona', 'Zoë', 'Çağla', 'İlker', 'Ólafur', 'Nguyễn', 'Þórunn', 'Xi', 'Li', 'Mao', 'de', 'van', 'al-', 'O’Brien', "O'Neil", 'Μαρία', 'Дмитрий', '習', '近平', 'プー', '푸틴', '𝐀lpha', 'Anna', 'Maria'];
const LAST = ['Putin', 'Torberg', 'Kaloren', 'García', 'Müller', 'Öztürk', 'Dvořák', 'Åberg', 'la Cruz', 'SCO', 'NATO', 'BRICS', 'Turkey', 'China', 'Jordan', 'Guinea', 'Brussels', 'Georgia', 'York', 'Nice', 'ﬀ', 'Straße', '主席', 'チン', 'xi', 'XI'];
const GLUE = [' ', ' ', ' ', '  ', '\u00a0', '-', '‑', ' \u00ad', '\u200b', ', ', ' of ', ''];
const KIND = ['Bank', 'Institute', 'Council', 'Union', 'Party', 'City', 'Games'];
const EXCLUDE_TAIL = [' Street', ' breast', ' Avenue', ' pale ale', ' Stadium'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function caseVariant(random: () => number, s: string): string {
  const r = random();
  if (r < 0.1) return s.toUpperCase();
  if (r < 0.18) return s.toLowerCase();
  return s;
}

/** A name from parts, now and then odd: spaces around, fold-to-nothing, over the limits. */
function nameOf(random: () => number, i: number): string {
  const r = random();
  if (r < 0.01) return '';
  if (r < 0.015) return ' \u200b ';
  if (r < 0.02) return 'x'.repeat(201);
  if (r < 0.025) return Array.from({ length: 17 }, () => 'ab').join(' ');
  if (r < 0.03) return 'ﬃ'.repeat(90);
  if (r < 0.04) return `  ${pick(random, LAST)}  `;
  if (r < 0.1) return pick(random, LAST);
  if (r < 0.15) return `${pick(random, LAST)} ${pick(random, KIND)}`;
  if (r < 0.2) return `${i % 97} ${pick(random, LAST)}`;
  const parts = [pick(random, FIRST), pick(random, GLUE), pick(random, LAST)];
  if (random() < 0.2) parts.push(pick(random, GLUE), pick(random, LAST));
  return caseVariant(random, parts.join(''));
}

/** Seeded patterns: an entity's names mostly one after another, some entities named again later. */
function goldenPatterns(count: number, seed: number): MatcherPattern[] {
  const random = seededRandom(seed);
  const patterns: MatcherPattern[] = [];
  let entity = 0;
  while (patterns.length < count) {
    const id = random() < 0.05 && entity > 0 ? Math.floor(random() * entity) : entity++;
    const pack = id % 7 === 0 ? 'other-pack' : id % 11 === 0 ? 'a/b/c' : 'pack';
    const entityKey = id % 13 === 0 ? `Q${id}` : `${pack}/Q${id}`;
    const names = 1 + Math.floor(random() * 3);
    for (let n = 0; n < names; n++) {
      const text = nameOf(random, patterns.length);
      const r = random();
      const caseSensitive = r < 0.05 ? true : r < 0.1 ? false : undefined;
      const exclude = random() < 0.05 ? [`${text}${pick(random, EXCLUDE_TAIL)}`, `The ${text}`, 'unrelated'] : undefined;
      patterns.push({ text, entityKey, ...(caseSensitive === undefined ? {} : { caseSensitive }), ...(exclude ? { exclude } : {}) });
    }
  }
  return patterns;
}

/** Text that mentions the names in several spellings, between ordinary words. */
function goldenText(patterns: readonly MatcherPattern[], seed: number): string {
  const random = seededRandom(seed);
  const words = ['the', 'minister', 'said', 'in', 'and', 'of', 'Thursday', 'talks', 'roast', 'a'];
  const out: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const r = random();
    if (r < 0.5) out.push(pick(random, words));
    else if (r < 0.9) out.push(caseVariant(random, pick(random, patterns).text) + (random() < 0.1 ? "'s" : ''));
    else out.push(pick(random, EXCLUDE_TAIL).trim(), pick(random, LAST));
    if (random() < 0.1) out.push('.');
  }
  return out.join(' ');
}

function digest(value: unknown): string {
  const hash = createHash('sha256');
  if (ArrayBuffer.isView(value)) hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else hash.update(JSON.stringify(value));
  return hash.digest('hex').slice(0, 16);
}

function digests(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(data).toSorted().map((k) => [k, digest(data[k])]));
}

const EXPECTED: Record<string, Record<string, string>> = {
  '3000/1': {
    format: '8',
    spans: '4d64841f7dd89241',
    spanCount: '1883',
    blocks: '9645c247d9aa1103',
    cls: '30eafc64fbdf2f9d',
    entityKeyPrefix: 'dc72c42f421ee214',
    entityKeyStart: '329a6147a45e7d84',
    entityKeyText: '1dc43deaf2b4f7e7',
    entityPrefixes: '8cb282dd14dc668d',
    excludeSlots: 'c221c2a6c61233e1',
    excludeStart: '0033a57e9431af05',
    excludes: 'b0f01125da1058d2',
    expansionStart: '8561240fb976087f',
    expansionUnits: '233611b8cf076990',
    firstWordSlots: 'f923af980a52d261',
    firstWordText: '0b2650fae4bf9707',
    fold: 'db331d98a7c492b3',
    groupStart: '9328abb68e42676c',
    keepText: 'eb0b4b84037c2120',
    keepWide: '0ab3a5edc843f01b',
    lowerWordBits: 'e4ab23f6db61bc82',
    patternCount: '08c6f6cb289f84a3',
    slotInfo: '61c6fa3691943364',
    wordBits: 'f1fd82f5f6668952',
  },
  '30000/2': {
    format: '8',
    spans: '951b101097bcf651',
    spanCount: '1951',
    blocks: '24057a9f4a06c486',
    cls: '30eafc64fbdf2f9d',
    entityKeyPrefix: '7bbd5f88d5f7a189',
    entityKeyStart: '1d80e78176f5afe5',
    entityKeyText: 'f2c0704ef1809acb',
    entityPrefixes: '8cb282dd14dc668d',
    excludeSlots: '6b131ae779bf7cd6',
    excludeStart: 'c60aca18b714d769',
    excludes: 'a9a20342938f2785',
    expansionStart: '8561240fb976087f',
    expansionUnits: '233611b8cf076990',
    firstWordSlots: '8cd7e1252c269f75',
    firstWordText: 'ce2ca2e316c2cb90',
    fold: 'db331d98a7c492b3',
    groupStart: 'cc1199f757ad9d7f',
    keepText: '8f76be67c1c398bf',
    keepWide: '63a74c6e1b9315bb',
    lowerWordBits: '1e6fa4ca1fd6c55e',
    patternCount: 'a421c8b883c4a1c0',
    slotInfo: '34ef75620dc668e1',
    wordBits: '0e7fd0483d5ecaaa',
  },
};

// Compiles of up to 30,000 names: seconds on a loaded machine; the checks are digests, not time.
describe('the compiled snapshot is the one the previous compile built', { timeout: 60_000 }, () => {
  for (const [count, seed] of [[3_000, 1], [30_000, 2]] as const) {
    it(`${count.toLocaleString('en')} patterns (seed ${seed})`, () => {
      const patterns = goldenPatterns(count, seed);
      const matcher = compileMatcher(patterns);
      const spans = matcher.scan(goldenText(patterns, seed));
      const actual = { format: String(matcher.snapshot().format), spans: digest(spans), spanCount: String(spans.length), ...digests(matcher.snapshot().data) };
      expect(actual).toEqual(EXPECTED[`${count}/${seed}`]);
      // The set reaches what it is for: stored folds of both widths, exclusions, several key prefixes.
      const data = matcher.snapshot().data as { keepText: string; keepWide: string; excludeSlots: Int32Array; entityPrefixes: string[] };
      expect([data.keepText.length > 0, data.keepWide.length > 0, data.excludeSlots.length > 0, data.entityPrefixes.length]).toEqual([true, true, true, 4]);
    });
  }

  it('in steps too', async () => {
    const patterns = goldenPatterns(3_000, 1);
    const inSteps = await compileMatcherInSteps(patterns, { budgetMs: 0, pause: async () => undefined });
    expect(digests(inSteps.snapshot().data)).toEqual(digests(compileMatcher(patterns).snapshot().data));
  });
});
