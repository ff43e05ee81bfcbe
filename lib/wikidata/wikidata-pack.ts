/**
 * A pack from Wikidata items: the conversion plus the pack around it. The result is not
 * yet validated: callers run `validatePack` before writing or importing, as for any pack.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type PackMeta } from '../pack';
import { convertItems, type ConvertOptions, type WikidataConversion } from './convert';
import type { WikidataItem } from './item';

/** Wikidata's license, stated on every pack made from it. */
const WIKIDATA_LICENSE = 'CC0-1.0';

/** Where the names came from, kept in the pack (an unknown property survives import and export) so that a refresh can ask again. */
export type WikidataSource = {
  /** The SPARQL query, or undefined for a pack made from entity files or a dump. */
  query?: string;
  /** Id of the ready query it came from (ready-queries.ts). */
  readyQuery?: string;
  /** For a ready query about one country: its item id. */
  country?: string;
  languages: string[];
  /** A digest of the entities (lib/kb/wikidata-packs.ts), so a refresh with the same answer changes nothing. */
  fingerprint?: string;
};

export interface WikidataPackOptions extends ConvertOptions {
  /** id, name, version… of the pack; `license` defaults to CC0-1.0. */
  meta: PackMeta;
  source?: WikidataSource;
}

export interface WikidataPackResult extends Omit<WikidataConversion, 'entities'> {
  /** The pack as plain data, ready for `validatePack`. */
  pack: {
    format: typeof PACK_FORMAT;
    formatVersion: typeof PACK_FORMAT_VERSION;
    pack: PackMeta & { wikidata?: WikidataSource };
    entities: WikidataConversion['entities'];
    articles: [];
  };
}

/** Builds a names-only pack (no articles) from Wikidata items. */
export function buildWikidataPack(items: readonly WikidataItem[], options: WikidataPackOptions): WikidataPackResult {
  const { entities, ...report } = convertItems(items, options);
  return {
    ...report,
    pack: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      pack: { license: WIKIDATA_LICENSE, ...options.meta, ...(options.source ? { wikidata: options.source } : {}) },
      entities,
      articles: [],
    },
  };
}
