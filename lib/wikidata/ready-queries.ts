/**
 * Ready queries a news reader wants, as data: each with a title, a description, an
 * estimate of how many names it brings, and the SPARQL it runs. Every query selects the
 * variables from-sparql.ts reads (label and aliases in the reader's language with
 * fallbacks, description, P31, dates, sitelinks, country or organization).
 */
import { isItemId } from './item';
import { languageChain } from './languages';

/** What a ready query needs from the reader. */
export interface ReadyQueryParams {
  /** The reader's language ("en", "fr", "pt-BR"). */
  language: string;
  /** For queries about one country: its item id ("Q183" for Germany). */
  country?: string;
}

export interface ReadyQuery {
  /** Stable id, kept in the pack so that a refresh re-runs the same query. */
  id: string;
  title: string;
  description: string;
  /** About how many names it brings (early 2026). */
  estimatedNames: number;
  /** Whether it asks for a country (`params.country`). */
  needsCountry: boolean;
  /** The SPARQL text for these parameters. */
  build(params: ReadyQueryParams): string;
}

const LANGUAGE = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/;
const isLanguageCode = (value: string) => LANGUAGE.test(value);

/** Safe to paste into a query: a language code or an item id, nothing else. */
function checked(value: string, valid: (value: string) => boolean, what: string): string {
  if (!valid(value)) throw new Error(`not a valid ${what}: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Wraps a selection of `?item`s (a SPARQL group graph pattern, with its own LIMIT) in
 * the query that fetches what the mapping needs about each.
 */
function itemDetailsQuery(selection: string, language: string): string {
  const chain = languageChain([language]).map((l) => checked(l, isLanguageCode, 'language code'));
  const first = chain[0] as string;
  return `SELECT ?item ?itemLabel ?itemDescription
  (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?itemAliases)
  (GROUP_CONCAT(DISTINCT ?type; separator=" ") AS ?itemTypes)
  (GROUP_CONCAT(DISTINCT ?belongs; separator=" ") AS ?itemBelongsTo)
  (SAMPLE(?sitelinks) AS ?itemSitelinks) (SAMPLE(?article) AS ?itemArticle) (SAMPLE(?image) AS ?itemImage)
  (MIN(?birth) AS ?itemBirth) (MIN(?death) AS ?itemDeath) (MIN(?founded) AS ?itemFounded)
  (MIN(?dissolved) AS ?itemDissolved) (MIN(?start) AS ?itemStart) (MAX(?end) AS ?itemEnd)
WHERE {
  { ${selection.trim()} }
  OPTIONAL { ?item skos:altLabel ?alias. FILTER(LANG(?alias) = "${first}") }
  OPTIONAL { ?item wdt:P31 ?type. }
  OPTIONAL { ?item wdt:P17|wdt:P27|wdt:P102|wdt:P749|wdt:P463|wdt:P131 ?belongs. }
  OPTIONAL { ?item wikibase:sitelinks ?sitelinks. }
  OPTIONAL { ?article schema:about ?item; schema:isPartOf <https://${first.split('-')[0]}.wikipedia.org/>. }
  OPTIONAL { ?item wdt:P18 ?image. }
  OPTIONAL { ?item wdt:P569 ?birth. }
  OPTIONAL { ?item wdt:P570 ?death. }
  OPTIONAL { ?item wdt:P571 ?founded. }
  OPTIONAL { ?item wdt:P576 ?dissolved. }
  OPTIONAL { ?item wdt:P580|wdt:P585 ?start. }
  OPTIONAL { ?item wdt:P582 ?end. }
  SERVICE wikibase:label {
    bd:serviceParam wikibase:language "${chain.join(',')}".
    ?item rdfs:label ?itemLabel; schema:description ?itemDescription.
  }
}
GROUP BY ?item ?itemLabel ?itemDescription`;
}

// Current holders of an office: the statement has no end date.
const LEADERS = `SELECT DISTINCT ?item WHERE {
    ?country wdt:P31 wd:Q3624078; (p:P35|p:P6) ?held.
    ?held (ps:P35|ps:P6) ?item.
    FILTER NOT EXISTS { ?held pq:P582 ?ended. }
    FILTER NOT EXISTS { ?country wdt:P576 ?dissolved. }
  }`;

const COUNTRIES_CAPITALS_LEADERS = `SELECT DISTINCT ?item WHERE {
    ?country wdt:P31 wd:Q3624078.
    FILTER NOT EXISTS { ?country wdt:P576 ?dissolved. }
    { BIND(?country AS ?item) }
    UNION { ?country wdt:P36 ?item. }
    UNION { ?country (p:P35|p:P6) ?held. ?held (ps:P35|ps:P6) ?item. FILTER NOT EXISTS { ?held pq:P582 ?ended. } }
  }`;

const INTERNATIONAL_ORGANIZATIONS = `SELECT DISTINCT ?item WHERE {
    ?item wdt:P31/wdt:P279* wd:Q245065; wikibase:sitelinks ?links.
    FILTER NOT EXISTS { ?item wdt:P576 ?dissolved. }
    FILTER(?links >= 15)
  } ORDER BY DESC(?links) LIMIT 800`;

const LARGEST_COMPANIES = `SELECT DISTINCT ?item WHERE {
    VALUES ?class { wd:Q4830453 wd:Q891723 wd:Q6881511 wd:Q783794 wd:Q1589009 }
    ?item wdt:P31 ?class; wikibase:sitelinks ?links.
    FILTER NOT EXISTS { ?item wdt:P576 ?dissolved. }
    FILTER(?links >= 30)
  } ORDER BY DESC(?links) LIMIT 1000`;

function partiesOf(country: string): string {
  const id = checked(country, isItemId, 'item id');
  return `SELECT DISTINCT ?item WHERE {
    ?item wdt:P31/wdt:P279* wd:Q7278; wdt:P17 wd:${id}.
    FILTER NOT EXISTS { ?item wdt:P576 ?dissolved. }
  } LIMIT 1000`;
}

export const READY_QUERIES: readonly ReadyQuery[] = [
  {
    id: 'heads-of-state-and-government',
    title: 'Heads of state and government in office',
    description: 'Presidents, monarchs, prime ministers and chancellors of every sovereign state, as Wikidata lists them today.',
    estimatedNames: 350,
    needsCountry: false,
    build: ({ language }) => itemDetailsQuery(LEADERS, language),
  },
  {
    id: 'countries-capitals-leaders',
    title: 'Countries, capitals and their leaders',
    description: 'The sovereign states of the world, their capitals and the people who lead them.',
    estimatedNames: 750,
    needsCountry: false,
    build: ({ language }) => itemDetailsQuery(COUNTRIES_CAPITALS_LEADERS, language),
  },
  {
    id: 'international-organizations',
    title: 'International organizations',
    description: 'The UN and its agencies, alliances, unions, development banks and other intergovernmental bodies.',
    estimatedNames: 800,
    needsCountry: false,
    build: ({ language }) => itemDetailsQuery(INTERNATIONAL_ORGANIZATIONS, language),
  },
  {
    id: 'largest-companies',
    title: 'The largest companies',
    description: 'About a thousand of the best-known companies in the world, the ones most written about.',
    estimatedNames: 1000,
    needsCountry: false,
    build: ({ language }) => itemDetailsQuery(LARGEST_COMPANIES, language),
  },
  {
    id: 'political-parties',
    title: 'Political parties of a country',
    description: 'The political parties of the country you choose, current ones only.',
    estimatedNames: 150,
    needsCountry: true,
    build: ({ language, country }) => {
      if (!country) throw new Error('this query needs a country (its item id, for example Q183)');
      return itemDetailsQuery(partiesOf(country), language);
    },
  },
];

/** A ready query by id. */
export function readyQuery(id: string): ReadyQuery | undefined {
  return READY_QUERIES.find((query) => query.id === id);
}

/** Countries offered for the queries that ask for one (`needsCountry`); any item id works too. */
export const COUNTRY_CHOICES: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'Q408', name: 'Australia' },
  { id: 'Q155', name: 'Brazil' },
  { id: 'Q16', name: 'Canada' },
  { id: 'Q142', name: 'France' },
  { id: 'Q183', name: 'Germany' },
  { id: 'Q668', name: 'India' },
  { id: 'Q38', name: 'Italy' },
  { id: 'Q17', name: 'Japan' },
  { id: 'Q96', name: 'Mexico' },
  { id: 'Q29', name: 'Spain' },
  { id: 'Q145', name: 'United Kingdom' },
  { id: 'Q30', name: 'United States' },
];
