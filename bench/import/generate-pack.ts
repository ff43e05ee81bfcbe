/**
 * A deterministic synthetic article pack of any size, for the import benchmark and the
 * progress end-to-end test: entities with made-up unique names and aliases, articles
 * whose bodies name some of them (mentions are left to the matcher, as in real packs).
 */

export interface GeneratePackOptions {
  articles: number;
  entities: number;
  /** Pack version, so a test can publish an update. */
  version?: string;
  id?: string;
  /** Entity names per article body. */
  namesPerArticle?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'zu', 'an', 'bri', 'do', 'fen', 'gar', 'hul', 'is', 'jo'];
const TYPES = ['Person', 'Organization', 'Place', 'Event', 'Thing'] as const;
const FILLER =
  'Officials met on Tuesday to discuss the plan. The talks lasted several hours and ended without a joint statement. Observers said progress was slow but real.';

/** A word made from `n` in base 16 syllables: unique per `n`, pronounceable, capitalised. */
function word(n: number): string {
  let s = '';
  let v = n;
  do {
    s += SYLLABLES[v % SYLLABLES.length];
    v = Math.floor(v / SYLLABLES.length);
  } while (v > 0);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A small deterministic PRNG (mulberry32), so every run builds the same pack. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePack(options: GeneratePackOptions): Record<string, unknown> {
  const rand = random(42);
  const namesPerArticle = options.namesPerArticle ?? 6;
  const entities = Array.from({ length: options.entities }, (_, i) => {
    const first = word(i * 7 + 3);
    const last = word(i + 1000);
    return {
      id: `e${i}`,
      name: `${first} ${last}`,
      type: TYPES[i % TYPES.length],
      alternateName: [`${first} Q. ${last}`],
      description: `Synthetic entity number ${i}, used to measure imports.`,
    };
  });
  const articles = Array.from({ length: options.articles }, (_, i) => {
    const named = Array.from({ length: namesPerArticle }, () => entities[Math.floor(rand() * entities.length)]!);
    const body = named.map((e) => `${FILLER} ${e.name} spoke to reporters afterwards.`).join('\n\n');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      id: `a${i}`,
      headline: `Report ${i}: ${named[0]!.name} and the plan`,
      publisher: ['Daily Example', 'Example Times', 'The Sample Post'][i % 3],
      datePublished: `20${10 + (i % 15)}-${month}-${day}`,
      description: `Summary of report ${i}.`,
      articleBody: body,
      about: [named[0]!.id],
    };
  });
  return {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id: options.id ?? 'generated', name: `Generated pack (${options.articles} articles)`, version: options.version ?? '1.0.0' },
    entities,
    articles,
  };
}
