/**
 * The few facts Backstory takes from a Wikidata item, whatever it was read from (entity
 * JSON, a dump line, SPARQL results): the shape every reader produces and the mapping
 * to a pack entity consumes.
 */

import type { DatedFacts } from '../text/life-dates';

/** Dates a card shows, as YYYY, YYYY-MM or YYYY-MM-DD (a leading "-" before the common era): the card's own shape. */
export type WikidataDates = DatedFacts;

/** One Wikidata item, reduced to what a pack entity needs. */
export interface WikidataItem {
  /** The item id, "Q7747". */
  id: string;
  /** Labels by language code ("en", "pt-br", "mul"). */
  labels: Record<string, string>;
  /** Descriptions by language code. */
  descriptions: Record<string, string>;
  /** Aliases by language code. */
  aliases: Record<string, string[]>;
  /** Classes of P31 (instance of), as item ids. */
  instanceOf: string[];
  /** Items this one belongs to (country, citizenship, party, parent organization, member of), as ids. */
  belongsTo: string[];
  dates: WikidataDates;
  /** Number of sitelinks: how many wikis have a page about it. */
  sitelinks: number;
  /** Wikipedia article addresses by language code, when known. */
  wikipedia: Record<string, string>;
  /** Address of a picture on Wikimedia Commons (a link only). */
  image?: string;
}

/** Properties whose values say which country or organization an item belongs to. */
export const BELONGS_TO_PROPERTIES = ['P17', 'P27', 'P102', 'P749', 'P463', 'P131'] as const;

/** Wikidata property of each date a card shows. */
export const DATE_PROPERTIES: Record<keyof WikidataDates, readonly string[]> = {
  birthDate: ['P569'],
  deathDate: ['P570'],
  foundingDate: ['P571'],
  dissolutionDate: ['P576'],
  // P585 "point in time" is how most elections and summits carry their date.
  startDate: ['P580', 'P585'],
  endDate: ['P582'],
};

/** The canonical URI of an item, used in `sameAs`. */
export function wikidataUri(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** Commons file name ("Putin 2024.jpg") to a link to the file; nothing is downloaded. */
export function commonsFileUrl(fileName: string): string {
  return `https://commons.wikimedia.org/wiki/Special:FilePath/${encodeURIComponent(fileName.replaceAll(' ', '_'))}`;
}

const ITEM_ID = /^Q[1-9]\d*$/;

/** Whether a string is an item id ("Q42"). */
export function isItemId(value: string): boolean {
  return ITEM_ID.test(value);
}
