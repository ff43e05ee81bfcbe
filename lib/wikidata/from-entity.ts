/**
 * Reads a Wikidata entity in its JSON form (Special:EntityData, wbgetentities, one
 * line of the JSON dump) into a {@link WikidataItem}, through wikibase-sdk's simplifiers.
 * Only the properties a card needs are simplified, which keeps a dump conversion fast.
 */
import {
  getSitelinkData,
  getSitelinkUrl,
  simplifyAliases,
  simplifyDescriptions,
  simplifyLabels,
  simplifyPropertyClaims,
  type Aliases,
  type Descriptions,
  type Labels,
  type Site,
  type Sitelinks,
} from 'wikibase-sdk';
import { BELONGS_TO_PROPERTIES, DATE_PROPERTIES, commonsFileUrl, isItemId, type WikidataDates, type WikidataItem } from './item';

/** The parts of an entity this reader uses; anything else is ignored. */
export interface RawEntity {
  id?: unknown;
  type?: unknown;
  labels?: unknown;
  descriptions?: unknown;
  aliases?: unknown;
  claims?: unknown;
  sitelinks?: unknown;
}

// Truthy values only (preferred rank when there is one, never deprecated); years as "1957".
const CLAIM_OPTIONS = { timeConverter: 'simple-day', keepNonTruthy: false } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Item ids and strings of one property, simplified. */
function claimValues(claims: Record<string, unknown>, property: string): unknown[] {
  const list = claims[property];
  if (!Array.isArray(list)) return [];
  return simplifyPropertyClaims(list, CLAIM_OPTIONS) as unknown[];
}

function itemIds(claims: Record<string, unknown>, properties: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const property of properties) {
    for (const value of claimValues(claims, property)) if (typeof value === 'string' && isItemId(value)) ids.add(value);
  }
  return [...ids];
}

function readDates(claims: Record<string, unknown>): WikidataDates {
  const dates: WikidataDates = {};
  for (const [field, properties] of Object.entries(DATE_PROPERTIES) as Array<[keyof WikidataDates, readonly string[]]>) {
    for (const property of properties) {
      const value = claimValues(claims, property).find((v): v is string => typeof v === 'string');
      if (value) {
        dates[field] = value;
        break;
      }
    }
  }
  return dates;
}

function readWikipedia(sitelinks: Record<string, unknown>): Record<string, string> {
  const articles: Record<string, string> = {};
  for (const [site, link] of Object.entries(sitelinks)) {
    if (!site.endsWith('wiki') || site === 'commonswiki' || site === 'specieswiki' || !isRecord(link)) continue;
    if (typeof link.title !== 'string') continue;
    try {
      const { lang, project } = getSitelinkData(site as Site);
      if (project === 'wikipedia') articles[lang] = getSitelinkUrl({ site: site as Site, title: link.title });
    } catch {
      // A wiki wikibase-sdk does not know yet: no link rather than a wrong one.
    }
  }
  return articles;
}

/** The item, or undefined for what is not an item (a property, a lexeme, a redirect stub). */
export function itemFromEntity(entity: RawEntity): WikidataItem | undefined {
  if (typeof entity.id !== 'string' || !isItemId(entity.id)) return undefined;
  if (entity.type !== undefined && entity.type !== 'item') return undefined;
  const claims = isRecord(entity.claims) ? entity.claims : {};
  const sitelinks = isRecord(entity.sitelinks) ? entity.sitelinks : {};
  const image = claimValues(claims, 'P18').find((v): v is string => typeof v === 'string');
  return {
    id: entity.id,
    labels: isRecord(entity.labels) ? (simplifyLabels(entity.labels as Labels) as Record<string, string>) : {},
    descriptions: isRecord(entity.descriptions) ? (simplifyDescriptions(entity.descriptions as Descriptions) as Record<string, string>) : {},
    aliases: isRecord(entity.aliases) ? (simplifyAliases(entity.aliases as Aliases) as Record<string, string[]>) : {},
    instanceOf: itemIds(claims, ['P31']),
    belongsTo: itemIds(claims, BELONGS_TO_PROPERTIES),
    dates: readDates(claims),
    sitelinks: Object.keys(sitelinks as Sitelinks).length,
    wikipedia: readWikipedia(sitelinks),
    ...(image ? { image: commonsFileUrl(image) } : {}),
  };
}

/**
 * The entities of an entity JSON document: `{"entities": {...}}` (Special:EntityData and
 * wbgetentities), a single entity, or an array of entities.
 */
export function entitiesOfDocument(document: unknown): RawEntity[] {
  if (Array.isArray(document)) return document.filter(isRecord);
  if (!isRecord(document)) return [];
  if (isRecord(document.entities)) return Object.values(document.entities).filter(isRecord);
  return [document];
}
