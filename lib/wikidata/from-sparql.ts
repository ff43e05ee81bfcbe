/**
 * Reads SPARQL results (`application/sparql-results+json`) into {@link WikidataItem}s,
 * through wikibase-sdk's `simplifySparqlResults`.
 *
 * The variables a query selects, all but `?item` optional (see ready-queries.ts):
 *
 * | variable | holds |
 * |---|---|
 * | `?item` | the item (its URI) |
 * | `?itemLabel`, `?itemDescription` | label and description (from the label service) |
 * | `?itemAliases` | aliases joined by "\|" (GROUP_CONCAT) |
 * | `?itemTypes` | P31 classes, URIs or ids joined by spaces |
 * | `?itemBelongsTo` | country, party, parent organization…, URIs or ids joined by spaces |
 * | `?itemSitelinks` | `wikibase:sitelinks` |
 * | `?itemArticle` | the Wikipedia article's URL |
 * | `?itemImage` | the Commons picture's URL |
 * | `?itemBirth`, `?itemDeath`, `?itemFounded`, `?itemDissolved`, `?itemStart`, `?itemEnd` | dates |
 *
 * Rows of the same item (a query without GROUP BY) are merged. (`?itemAltLabel` from the
 * label service is not read: it joins aliases with ", ", which splits an alias that has a
 * comma.)
 */
import { simplifySparqlResults, type SparqlResults } from 'wikibase-sdk';
import { isItemId, type WikidataDates, type WikidataItem } from './item';

/** `?itemX` variable → date field. */
const DATE_VARIABLES: Record<string, keyof WikidataDates> = {
  birth: 'birthDate',
  death: 'deathDate',
  founded: 'foundingDate',
  dissolved: 'dissolutionDate',
  start: 'startDate',
  end: 'endDate',
};

const ITEM_IN_TEXT = /Q[1-9]\d*/g;
const SPARQL_DATE = /^(-?\d{4})-(\d{2})-(\d{2})T/;
const ALIAS_SEPARATOR = '|';

function idsIn(text: unknown): string[] {
  return typeof text === 'string' ? [...new Set(text.match(ITEM_IN_TEXT) ?? [])] : [];
}

/** "1957-10-07T00:00:00Z" → "1957-10-07". The Query Service gives no precision here. */
function sparqlDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? SPARQL_DATE.exec(value) : null;
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function split(text: unknown, separator: string): string[] {
  return typeof text === 'string' ? text.split(separator).map((s) => s.trim()).filter(Boolean) : [];
}

function addUnique(list: string[], values: readonly string[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}

/**
 * Items of a SPARQL result. `language` is the language the query asked labels in; the
 * label service has already applied its fallbacks.
 */
export function itemsFromSparql(results: SparqlResults, language: string): WikidataItem[] {
  const items = new Map<string, WikidataItem>();
  for (const row of simplifySparqlResults(results)) {
    const group = row.item as Record<string, unknown> | undefined;
    const id = group?.value;
    if (!group || typeof id !== 'string' || !isItemId(id)) continue;
    let item = items.get(id);
    if (!item) {
      item = { id, labels: {}, descriptions: {}, aliases: {}, instanceOf: [], belongsTo: [], dates: {}, sitelinks: 0, wikipedia: {} };
      items.set(id, item);
    }
    // The label service answers the id itself when an item has no label.
    if (typeof group.label === 'string' && group.label !== id) item.labels[language] ??= group.label;
    if (typeof group.description === 'string') item.descriptions[language] ??= group.description;
    const aliases = split(group.aliases, ALIAS_SEPARATOR);
    if (aliases.length > 0) addUnique((item.aliases[language] ??= []), aliases);
    addUnique(item.instanceOf, idsIn(group.types));
    addUnique(item.belongsTo, idsIn(group.belongsTo));
    const sitelinks = Number(group.sitelinks);
    if (Number.isFinite(sitelinks)) item.sitelinks = Math.max(item.sitelinks, sitelinks);
    if (typeof group.article === 'string') item.wikipedia[language] ??= group.article;
    if (typeof group.image === 'string') item.image ??= group.image.replace(/^http:/u, 'https:');
    for (const [variable, field] of Object.entries(DATE_VARIABLES)) {
      const date = sparqlDate(group[variable]);
      if (date) item.dates[field] ??= date;
    }
  }
  return [...items.values()];
}
