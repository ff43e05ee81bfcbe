/**
 * Items from the Query Service (or QLever, or a stand-in: `--endpoint`) for the CLI's
 * `--query` (a ready query) and `--sparql` (a file with the publisher's own query).
 */
import { readFile } from 'node:fs/promises';
import { itemsFromSparql, readyQuery, runSparqlQuery, type WikidataItem } from '../../../lib/wikidata';
import type { ReadStats } from './read-wikidata';

export interface QueryItemsOptions {
  /** Id of a ready query (ready-queries.ts). */
  readyQueryId?: string;
  /** File holding a SPARQL query that selects the variables of from-sparql.ts. */
  sparqlFile?: string;
  country?: string;
  language: string;
  endpoint?: string;
  onBytes?: (bytes: number) => void;
}

/** Runs the query and reads its answer; the query text is returned for the pack's `wikidata.query`. */
export async function queryItems(options: QueryItemsOptions): Promise<{ items: WikidataItem[]; stats: ReadStats; query: string }> {
  let query: string;
  if (options.readyQueryId) {
    const ready = readyQuery(options.readyQueryId);
    if (!ready) throw new Error(`no ready query "${options.readyQueryId}"`);
    query = ready.build({ language: options.language, ...(options.country ? { country: options.country } : {}) });
  } else if (options.sparqlFile) {
    query = await readFile(options.sparqlFile, 'utf8');
  } else {
    throw new Error('give --query or --sparql');
  }
  const started = performance.now();
  let bytes = 0;
  const results = await runSparqlQuery({
    query,
    fetch,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // Node may set User-Agent, as Wikimedia's policy asks of scripts.
    setUserAgent: true,
    onProgress: (progress) => {
      bytes = progress.bytes;
      if (progress.stage === 'receiving') options.onBytes?.(bytes);
      if (progress.stage === 'retrying') console.error(`The service asked to wait: retrying in ${Math.round((progress.waitMs ?? 0) / 1000)} s`);
    },
  });
  const items = itemsFromSparql(results, options.language);
  const stats: ReadStats = { shape: 'sparql', compression: 'none', scanned: items.length, unreadable: 0, fileBytes: bytes, bytes, seconds: (performance.now() - started) / 1000 };
  return { items, stats, query };
}
