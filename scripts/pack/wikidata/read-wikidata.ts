/**
 * Reads Wikidata in any of the shapes a publisher has, streamed line by line with
 * bounded memory: only the items that pass the filters are kept, reduced to what a
 * pack entity needs.
 *
 * - the JSON dump (`latest-all.json[.gz|.bz2]`): "[", then one entity per line followed
 *   by a comma, then "]";
 * - newline-delimited entities (what wikibase-dump-filter writes);
 * - one JSON document: SPARQL results (`application/sparql-results+json`), or entity JSON
 *   (Special:EntityData, wbgetentities), read whole up to {@link MAX_DOCUMENT_BYTES}.
 */
import { createInterface } from 'node:readline';
import type { SparqlResults } from 'wikibase-sdk';
import { MAX_PACK_BYTES } from '../../../lib/pack/limits';
import { entitiesOfDocument, itemFromEntity, itemsFromSparql, keepLanguages, languageChain, type RawEntity, type WikidataItem } from '../../../lib/wikidata';
import { openInput, type Bzip2Decoder, type Compression } from './open-input';

/** A single JSON document (not line-delimited) is read whole up to this size. */
export const MAX_DOCUMENT_BYTES = MAX_PACK_BYTES;

export interface WikidataFilters {
  /** Keep items that are an instance (P31) of one of these classes; all when empty. */
  classes?: ReadonlySet<string>;
  /** Keep items with at least this many sitelinks. */
  minSitelinks?: number;
  /** Stop after this many kept items. */
  limit?: number;
}

export type InputShape = 'dump' | 'ndjson' | 'sparql' | 'entity-json';

export interface ReadStats {
  shape: InputShape;
  compression: Compression;
  decoder?: string;
  /** Entities looked at. */
  scanned: number;
  /** Lines that were not JSON entities. */
  unreadable: number;
  /** Bytes of the file, and decompressed bytes read. */
  fileBytes: number;
  bytes: number;
  seconds: number;
}

export interface ReadProgress {
  fileBytesRead: number;
  fileBytes: number;
  bytes: number;
  scanned: number;
  kept: number;
  seconds: number;
}

export interface ReadWikidataOptions {
  filters?: WikidataFilters;
  /** Keep only these languages (and their fallbacks) of each item; all when absent. */
  languages?: readonly string[];
  /** Language SPARQL labels were asked in (for SPARQL input). */
  sparqlLanguage?: string;
  bzip2?: Bzip2Decoder;
  onProgress?: (progress: ReadProgress) => void;
  /** How often onProgress is called, in entities. */
  progressEvery?: number;
}

/** Whether an item passes the filters (before the limit). */
export function passes(item: WikidataItem, filters: WikidataFilters): boolean {
  if (filters.minSitelinks !== undefined && item.sitelinks < filters.minSitelinks) return false;
  if (filters.classes && filters.classes.size > 0 && !item.instanceOf.some((c) => filters.classes?.has(c))) return false;
  return true;
}

/** One dump or NDJSON line to its entity text: without the array's brackets and the trailing comma. */
export function entityText(line: string): string | undefined {
  let text = line.trim();
  if (text === '[' || text === ']' || text === '') return undefined;
  if (text.endsWith(',')) text = text.slice(0, -1);
  return text;
}

function looksLikeSparql(data: unknown): data is SparqlResults {
  const d = data as { head?: { vars?: unknown }; results?: { bindings?: unknown } } | null;
  return Array.isArray(d?.head?.vars) && Array.isArray(d?.results?.bindings);
}

/** Reads `path` and returns the kept items and what was read. */
export async function readWikidata(path: string, options: ReadWikidataOptions = {}): Promise<{ items: WikidataItem[]; stats: ReadStats }> {
  const filters = options.filters ?? {};
  const limit = filters.limit ?? Number.POSITIVE_INFINITY;
  const every = options.progressEvery ?? 5_000;
  const input = await openInput(path, options.bzip2);
  const started = performance.now();
  const items: WikidataItem[] = [];
  let bytes = 0;
  let scanned = 0;
  let unreadable = 0;
  let shape: InputShape | 'document' | undefined;
  let document = '';
  const progress = () =>
    options.onProgress?.({ fileBytesRead: input.bytesRead(), fileBytes: input.fileBytes, bytes, scanned, kept: items.length, seconds: (performance.now() - started) / 1000 });
  const chain = options.languages ? languageChain(options.languages) : undefined;
  const take = (entity: RawEntity) => {
    scanned++;
    const item = itemFromEntity(entity);
    if (item && passes(item, filters)) items.push(chain ? keepLanguages(item, chain) : item);
    if (scanned % every === 0) progress();
  };

  const lines = createInterface({ input: input.stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      bytes += Buffer.byteLength(line) + 1;
      if (shape === undefined) {
        const first = line.trim();
        if (first === '') continue;
        if (first === '[') {
          shape = 'dump';
          continue;
        }
        shape = isEntityLine(first) ? 'ndjson' : 'document';
      }
      if (shape === 'document') {
        if (bytes > MAX_DOCUMENT_BYTES) throw new Error(`${path}: a single JSON document larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; give the dump or newline-delimited entities instead`);
        document += `${line}\n`;
        continue;
      }
      const text = entityText(line);
      if (text === undefined) continue;
      let entity: RawEntity;
      try {
        entity = JSON.parse(text) as RawEntity;
      } catch {
        unreadable++;
        continue;
      }
      take(entity);
      if (items.length >= limit) break;
    }
  } finally {
    lines.close();
    input.stream.destroy();
  }

  let finalShape: InputShape = shape === 'document' || shape === undefined ? 'entity-json' : shape;
  if (shape === 'document') {
    const data: unknown = JSON.parse(document);
    if (looksLikeSparql(data)) {
      finalShape = 'sparql';
      for (const item of itemsFromSparql(data, options.sparqlLanguage ?? 'en')) {
        scanned++;
        if (items.length < limit && passes(item, filters)) items.push(item);
      }
    } else {
      for (const entity of entitiesOfDocument(data)) {
        if (items.length >= limit) break;
        take(entity);
      }
    }
  }
  progress();
  const stats: ReadStats = {
    shape: finalShape,
    compression: input.compression,
    ...(input.decoder ? { decoder: input.decoder } : {}),
    scanned,
    unreadable,
    fileBytes: input.fileBytes,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
  return { items, stats };
}

/** A whole entity on one line: `{"type":"item","id":"Q…",…}` (possibly with a trailing comma). */
function isEntityLine(line: string): boolean {
  const text = entityText(line);
  if (!text?.startsWith('{') || !text.endsWith('}')) return false;
  try {
    const data = JSON.parse(text) as RawEntity;
    return typeof data.id === 'string' && (data.type === 'item' || data.type === 'property' || 'claims' in data);
  } catch {
    return false;
  }
}
