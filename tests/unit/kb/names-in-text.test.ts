import { describe, expect, it } from 'vitest';
import { firstSentences, packToRows } from '../../../lib/kb/pack-to-rows';
import { entityPatterns } from '../../../lib/kb/matcher-patterns';
import { patternsTextCanMatch, TextWords } from '../../../lib/kb/names-in-text';
import { compileMatcher, type MatcherPattern } from '../../../lib/matcher';
import { validatePack } from '../../../lib/pack';
import { seededRandom as seeded } from '../../../bench/random';

const pick = <T,>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Hard cases: names several entities share, case rules (an acronym, a lone short word),
// exclude phrases, diacritics folded, hyphen and apostrophe variants, possessives, a script
// without spaces, an odd symbol, names starting with punctuation, words that occur but not together.
const FIXED: MatcherPattern[] = [
  { text: 'Jordan', entityKey: 'p/jordan-country' },
  { text: 'Jordan', entityKey: 'p/jordan-river' },
  { text: 'SCO', entityKey: 'p/sco' },
  { text: 'Xi', entityKey: 'p/xi' },
  { text: 'Xi Jinping', entityKey: 'p/xi' },
  { text: 'Paris', entityKey: 'p/paris', exclude: ['Paris Hilton'] },
  { text: 'Łódź', entityKey: 'p/lodz' },
  { text: 'Jean-Paul Sartre', entityKey: 'p/sartre' },
  { text: "O'Brien", entityKey: 'p/obrien' },
  { text: 'Putin', entityKey: 'p/putin' },
  { text: 'Vladimir Putin', entityKey: 'p/putin' },
  { text: '東京', entityKey: 'p/tokyo' },
  { text: 'TM Holdings', entityKey: 'p/tm' },
  { text: "'Ndrangheta", entityKey: 'p/ndrangheta' },
  { text: 'Straße Nord', entityKey: 'p/strasse', caseSensitive: true },
  { text: 'apple', entityKey: 'p/apple', caseSensitive: true },
  { text: 'Vera Torberg', entityKey: 'p/vera' },
  { text: 'Torberg Vera', entityKey: 'p/reversed' },
];
const FIXED_TEXTS = [
  'Jordan and the SCO met; sco is not it. XI and xi are not Xi, but Xi Jinping is.',
  'Paris Hilton was in Paris. In LODZ and Lodz, Jean–Paul Sartre met O’Brien, then Putin’s aide.',
  '東京都の知事。 ™ Holdings rose; TM HOLDINGS too. ’Ndrangheta. STRASSE NORD and Straße Nord.',
  'An apple, not Apple. Vera met Torberg; later Vera   Torberg spoke.',
];

const GIVEN = ['Vera', 'Anna', 'José', 'Jürgen', 'Łukasz', 'Zoë', 'Ólafur', 'Nguyễn', 'Şükrü', 'Ivan'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'ö', 'ić', 'ström', 'berg', 'ø'];
const FILLER = 'officials met on tuesday to discuss the plan and the talks lasted hours'.split(' ');

function surname(random: () => number): string {
  const s = pick(random, SYLLABLES) + pick(random, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Entities with shared names, aliases and case rules, and texts naming some of them in many spellings. */
function generated(seed: number): { patterns: MatcherPattern[]; texts: string[] } {
  const random = seeded(seed);
  const patterns: MatcherPattern[] = [...FIXED];
  const names: string[] = [];
  for (let i = 0; i < 600; i++) {
    const name = `${pick(random, GIVEN)} ${surname(random)}`;
    const entityKey = `p/e${i}`;
    const caseSensitive = random() < 0.1 ? true : undefined;
    patterns.push({ text: name, entityKey, caseSensitive });
    if (random() < 0.5) patterns.push({ text: name.split(' ')[1] as string, entityKey, exclude: random() < 0.2 ? [`${name.split(' ')[1]} Street`] : undefined });
    if (random() < 0.2) patterns.push({ text: name.normalize('NFD').replace(/\p{M}/gu, ''), entityKey });
    names.push(name);
  }
  const spellings = [
    (n: string) => n,
    (n: string) => n.toUpperCase(),
    (n: string) => n.toLowerCase(),
    (n: string) => `${n}’s`,
    (n: string) => n.replace(' ', '-'),
    (n: string) => n.split(' ')[1] as string,
    (n: string) => `${n.split(' ')[1]} Street`,
    (n: string) => n.normalize('NFD').replace(/\p{M}/gu, ''),
  ];
  const texts = [...FIXED_TEXTS];
  for (let a = 0; a < 120; a++) {
    const words: string[] = [];
    for (let w = 0; w < 40; w++) words.push(random() < 0.15 ? pick(random, spellings)(pick(random, names.slice(0, 200))) : pick(random, FILLER));
    texts.push(`${words.join(' ')}.`);
  }
  return { patterns, texts };
}

function spans(patterns: readonly MatcherPattern[], texts: readonly string[]): unknown[] {
  const matcher = compileMatcher(patterns);
  return texts.map((text) => matcher.scan(text));
}

describe('patternsTextCanMatch', () => {
  it.each([1, 2, 3])('finds every span the matcher over all names finds (seed %i)', (seed) => {
    const { patterns, texts } = generated(seed);
    const words = new TextWords(texts.join(' ').length);
    for (const text of texts) words.add(text);
    const kept = patternsTextCanMatch(patterns, words);
    expect(kept.length).toBeLessThan(patterns.length * 0.7);
    expect(spans(kept, texts)).toEqual(spans(patterns, texts));
    const all = compileMatcher(patterns);
    const few = compileMatcher(kept);
    for (const text of texts) {
      const article = { headline: text.slice(0, 40), articleBody: text };
      expect(firstSentences(article, few)).toEqual(firstSentences(article, all));
    }
  });

  it('keeps the hard cases that occur and drops names whose words do not occur together', () => {
    const words = new TextWords(1000);
    for (const text of FIXED_TEXTS) words.add(text);
    const kept = new Set(patternsTextCanMatch(FIXED, words).map((p) => p.text));
    for (const name of ['Jordan', 'SCO', 'Xi Jinping', 'Paris', 'Łódź', 'Jean-Paul Sartre', "O'Brien", '東京', 'TM Holdings', "'Ndrangheta", 'Straße Nord', 'apple', 'Vera Torberg']) {
      expect(kept, name).toContain(name);
    }
    expect(kept).not.toContain('Torberg Vera');
    expect(spans([...kept].flatMap((text) => FIXED.filter((p) => p.text === text)), FIXED_TEXTS)).toEqual(spans(FIXED, FIXED_TEXTS));
  });

  it('leaves the mentions an import finds as they were', () => {
    const { patterns, texts } = generated(4);
    const entities = new Map<string, { id: string; name: string; alternateName: string[]; match?: { caseSensitive?: boolean; exclude?: string[] } }>();
    for (const p of patterns) {
      const id = p.entityKey.slice(2);
      const entity = entities.get(id);
      if (entity) {
        if (entity.name !== p.text) entity.alternateName.push(p.text);
      } else entities.set(id, { id, name: p.text, alternateName: [], ...(p.caseSensitive || p.exclude ? { match: { caseSensitive: p.caseSensitive, exclude: p.exclude ? [...p.exclude] : undefined } } : {}) });
    }
    const validation = validatePack({
      format: 'article-pack',
      formatVersion: 1,
      pack: { id: 'p', name: 'Generated', version: '1.0.0' },
      entities: [...entities.values()],
      articles: texts.map((text, i) => ({ id: `a${i}`, headline: `Report ${i}`, url: `https://example.com/${i}`, articleBody: text })),
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues.slice(0, 3)));
    const rows = packToRows(validation.pack, { source: { kind: 'file', fileName: 'g.json' }, now: 1 });
    // The matcher over every name, as the import compiled it before (entityPatterns: an entity's rules apply to all its names).
    const all = compileMatcher(rows.entities.flatMap((entity) => entityPatterns(entity)));
    for (const article of rows.articles) {
      const expected = firstSentences(article, all);
      expect(new Set(article.entityMentions.map((m) => m.entityKey))).toEqual(new Set(expected.keys()));
    }
  });
});
