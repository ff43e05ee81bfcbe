/**
 * A generated knowledge base for search benchmarks: 50,000 entities and 10,000 articles
 * by default, deterministic (seeded), in the pack format so the same data can be
 * imported into the real extension. Names mix generated ones with a few real, hard ones
 * (diacritics, shared first names) that the quality cases look for.
 */
import { seededRandom } from '../random';

export interface GeneratedEntity {
  id: string;
  name: string;
  type: 'Person' | 'Organization' | 'Place' | 'Event';
  alternateName: string[];
  description: string;
}

export interface GeneratedArticle {
  id: string;
  headline: string;
  publisher: string;
  datePublished: string;
  articleBody: string;
  about: string[];
}

export interface GeneratedKb {
  entities: GeneratedEntity[];
  articles: GeneratedArticle[];
}

/** The real names the quality cases expect to find. */
const KNOWN_ENTITIES: readonly GeneratedEntity[] = [
  { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'Person', alternateName: ['Putin', 'Vladimir Vladimirovich Putin'], description: 'President of Russia.' },
  { id: 'vladislav-surkov', name: 'Vladislav Surkov', type: 'Person', alternateName: ['Surkov'], description: 'Russian politician.' },
  { id: 'vladivostok', name: 'Vladivostok', type: 'Place', alternateName: [], description: 'Port city in the Russian Far East.' },
  { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', type: 'Person', alternateName: ['Erdoğan', 'Tayyip Erdoğan'], description: 'President of Türkiye.' },
  { id: 'emine-erdogan', name: 'Emine Erdoğan', type: 'Person', alternateName: [], description: 'First Lady of Türkiye.' },
  { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', type: 'Person', alternateName: ['Tokayev'], description: 'President of Kazakhstan.' },
  { id: 'sco', name: 'Shanghai Cooperation Organisation', type: 'Organization', alternateName: ['SCO'], description: 'Eurasian political and security organisation.' },
  { id: 'sao-paulo', name: 'São Paulo', type: 'Place', alternateName: ['Sao Paulo'], description: 'Largest city of Brazil.' },
];

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vor', 'sa', 'du', 'bel', 'an', 'ri', 'zo', 'pe', 'gu', 'tal', 'ner', 'os', 'li', 'ma', 'vin', 'ce', 'ho', 'ja', 'ku', 'dra', 'el', 'fi', 'no', 'shan', 'ti', 'ov', 'ya', 'bo', 'ge', 'lu', 'nik'];
const DIACRITIC_SWAPS: Array<[string, string]> = [['a', 'á'], ['e', 'é'], ['o', 'ö'], ['u', 'ü'], ['c', 'ç'], ['s', 'ş'], ['g', 'ğ'], ['n', 'ñ']];
const ORG_WORDS = ['Bank', 'Council', 'Party', 'Institute', 'Union', 'Agency', 'Group', 'Forum', 'Ministry', 'Fund'];
const PLACE_WORDS = ['River', 'Province', 'Bay', 'Valley', 'Heights', 'Port', 'District'];
const EVENT_WORDS = ['Summit', 'Accord', 'Crisis', 'Games', 'Conference', 'Election'];
const WORDS = 'the of and to in a for on that with as by at from said talks minister government security trade energy agreement leaders meeting regional economic cooperation border officials policy president state visit week new year region capital support growth investment water pipeline project deal market sanctions parliament vote reform court election campaign protest talks summit delegation foreign defense military exercise railway corridor grain export import tariffs inflation currency central bank budget debt climate drought harvest festival museum university students research report analysts spokesperson statement interview press conference joint declaration framework memorandum partnership'.split(' ');
/** Distinct words of article text. */
const VOCABULARY_SIZE = 20_000;
const PUBLISHERS = ['Daily Ledger', 'Steppe Times', 'Eurasia Wire', 'Morning Courier', 'Harbor Post'];


export function generateKb(options: { entities?: number; articles?: number; seed?: number } = {}): GeneratedKb {
  const entityCount = options.entities ?? 50_000;
  const articleCount = options.articles ?? 10_000;
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = (min: number, max: number): string => {
    const n = min + Math.floor(random() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    if (random() < 0.15) {
      const [plain, marked] = pick(DIACRITIC_SWAPS);
      w = w.replace(plain, marked);
    }
    return w[0]!.toUpperCase() + w.slice(1);
  };

  const entities: GeneratedEntity[] = [...KNOWN_ENTITIES];
  const seen = new Set(entities.map((e) => e.id));
  while (entities.length < entityCount) {
    const roll = random();
    let entity: GeneratedEntity;
    if (roll < 0.6) {
      const first = word(2, 3);
      const last = word(2, 4);
      entity = { id: '', name: `${first} ${last}`, type: 'Person', alternateName: random() < 0.7 ? [last] : [], description: `${pick(WORDS)} ${pick(WORDS)} figure` };
    } else if (roll < 0.8) {
      const name = `${word(2, 3)} ${pick(ORG_WORDS)}`;
      const acronym = name.split(' ').map((w) => w[0]).join('').toUpperCase();
      entity = { id: '', name, type: 'Organization', alternateName: random() < 0.5 ? [acronym] : [], description: 'An organisation.' };
    } else if (roll < 0.95) {
      entity = { id: '', name: random() < 0.5 ? word(2, 4) : `${word(2, 3)} ${pick(PLACE_WORDS)}`, type: 'Place', alternateName: [], description: 'A place.' };
    } else {
      entity = { id: '', name: `${word(2, 3)} ${pick(EVENT_WORDS)} ${2000 + Math.floor(random() * 26)}`, type: 'Event', alternateName: [], description: 'An event.' };
    }
    let id = entity.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    while (seen.has(id)) id += `-${Math.floor(random() * 10)}`;
    seen.add(id);
    entity.id = id;
    entities.push(entity);
  }

  // Article words follow Zipf's law over a news vocabulary of 20,000 words, as real text
  // does: a few words are in every article, most in a handful.
  const vocabulary = [...WORDS];
  const vocabularySeen = new Set(vocabulary);
  while (vocabulary.length < VOCABULARY_SIZE) {
    const w = word(2, 4).toLowerCase();
    if (!vocabularySeen.has(w)) {
      vocabularySeen.add(w);
      vocabulary.push(w);
    }
  }
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] = total += 1 / (r + 1);
  const zipfWord = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };

  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < articleCount; i++) {
    const about = [pick(entities), pick(entities)];
    if (i % 50 === 0) about.push(KNOWN_ENTITIES[i % KNOWN_ENTITIES.length]!);
    const sentence = (): string => {
      const parts: string[] = [];
      const n = 10 + Math.floor(random() * 14);
      for (let k = 0; k < n; k++) parts.push(random() < 0.04 ? pick(about).name : zipfWord());
      const s = parts.join(' ');
      return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
    };
    const paragraphs: string[] = [];
    // About 250 words: a short news article.
    for (let p = 0; p < 3; p++) paragraphs.push([sentence(), sentence(), sentence(), sentence()].join(' '));
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    articles.push({
      id: `article-${i}`,
      headline: `${about[0]!.name} ${zipfWord()} ${zipfWord()} ${pick(WORDS)} ${pick(['talks', 'deal', 'visit', 'vote', 'report'])}`,
      publisher: pick(PUBLISHERS),
      datePublished: `20${String(15 + Math.floor(random() * 11))}-${month}-${day}`,
      articleBody: paragraphs.join('\n\n'),
      about: [...new Set(about.map((e) => e.id))],
    });
  }
  return { entities, articles };
}

/** The generated knowledge base as an importable pack document. */
export function generatedPack(kb: GeneratedKb, id = 'bench-kb'): Record<string, unknown> {
  return {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id, name: 'Benchmark library', version: '1.0.0' },
    entities: kb.entities,
    articles: kb.articles,
  };
}

/** Realistic typing: each query is typed one character at a time; each prefix is one keystroke. */
export const TYPED_QUERIES: readonly string[] = [
  'vladimir putin',
  'erdgan',
  'erdogan',
  'shanghai cooperation',
  'sao paulo',
  'tokayev',
  'pipeline sanctions',
  'kalomi',
  'central bank',
  'vladivostok',
];

/** Quality cases: a query and the entity id that must be among the first results. */
export const QUALITY_CASES: ReadonlyArray<{ label: string; query: string; expect: string; within: number }> = [
  { label: 'prefix "vlad"', query: 'vlad', expect: 'vladimir-putin', within: 5 },
  { label: 'typo "erdgan"', query: 'erdgan', expect: 'recep-tayyip-erdogan', within: 5 },
  { label: 'diacritics "erdogan"', query: 'erdogan', expect: 'recep-tayyip-erdogan', within: 3 },
  { label: 'alias "sco"', query: 'sco', expect: 'sco', within: 3 },
  { label: 'two words "sao paulo"', query: 'sao paulo', expect: 'sao-paulo', within: 1 },
];
