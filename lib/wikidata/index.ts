/**
 * Names from Wikidata (issue 14): what the pack builder (`npm run pack -- wikidata`) and
 * the extension (lib/kb/wikidata-packs.ts: the options page and the scheduled refresh)
 * use. Tests import the modules themselves.
 *
 * The options page's path, end to end (each step is a module of this folder):
 *
 *     const query = readyQuery('heads-of-state-and-government')!.build({ language: 'en' });  // ready-queries.ts
 *     const results = await runSparqlQuery({ query, fetch, onProgress });   // query-client.ts; SparqlQueryError has a code
 *     const items = itemsFromSparql(results, 'en');                         // from-sparql.ts
 *     const { pack, aliases, withoutLabel } = buildWikidataPack(items, {    // wikidata-pack.ts
 *       languages: ['en'],
 *       meta: { id: 'wikidata-heads-of-state', name: 'Heads of state (Wikidata)', version: '2026.12.6' },
 *       source: { readyQuery: 'heads-of-state-and-government', query, languages: ['en'] },
 *     });
 *     const validation = validatePack(pack);                                 // then import it as any pack
 *
 * `READY_QUERIES` lists the choices (title, description, estimatedNames, needsCountry).
 * `pack.entities` is the preview (count, a sample of cards); `aliases` is the import
 * report (kept, dropped per reason with examples, restricted: alias-report.ts). A refresh
 * re-runs `pack.pack.wikidata.query` and imports the result as a newer version
 * (lib/kb/wikidata-packs.ts). In the extension, `runSparqlQuery` runs under the
 * manifest's `<all_urls>`, and sends
 * `Api-User-Agent` (sparql-request.ts) since a browser may not set `User-Agent`.
 */
export { READY_QUERIES, readyQuery } from './ready-queries';
export { runSparqlQuery } from './query-client';
export { itemsFromSparql } from './from-sparql';
export { itemFromEntity, entitiesOfDocument } from './from-entity';
export type { RawEntity } from './from-entity';
export { buildWikidataPack } from './wikidata-pack';
export { ALIAS_DROP_REASONS, droppedTotal } from './alias-report';
export type { AliasReport } from './alias-report';
export { keepLanguages, languageChain } from './languages';
export { isItemId } from './item';
export type { WikidataItem } from './item';
