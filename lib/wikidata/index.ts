/**
 * Names from Wikidata (issue 14): pure logic shared by the CLI
 * (`npm run pack -- wikidata`) and the options page.
 *
 * The options page's path, end to end:
 *
 *     const query = readyQuery('heads-of-state-and-government')!.build({ language: 'en' });
 *     const results = await runSparqlQuery({ query, fetch, onProgress });   // SparqlQueryError on failure
 *     const items = itemsFromSparql(results, 'en');
 *     const { pack, aliases, withoutLabel } = buildWikidataPack(items, {
 *       languages: ['en'],
 *       meta: { id: 'wikidata-heads-of-state', name: 'Heads of state (Wikidata)', version: '2026.12.6' },
 *       source: { readyQuery: 'heads-of-state-and-government', query, languages: ['en'] },
 *     });
 *     const validation = validatePack(pack);                                 // then import as any pack
 *
 * `pack.entities` is the preview (count, a sample of cards); `aliases` is the import
 * report (kept, dropped per reason with examples, restricted). A refresh re-runs
 * `pack.pack.wikidata.query` and imports the result as a newer version.
 */
export { READY_QUERIES, readyQuery, itemDetailsQuery } from './ready-queries';
export type { ReadyQuery, ReadyQueryParams } from './ready-queries';
export { runSparqlQuery, retryAfterMs, backoffMs, SparqlQueryError, DEFAULT_TIME_LIMIT_MS, DEFAULT_MAX_BYTES } from './query-client';
export type { RunSparqlOptions, SparqlErrorCode } from './query-client';
export { buildSparqlRequest, WIKIDATA_SPARQL_ENDPOINT, BACKSTORY_USER_AGENT } from './sparql-request';
export type { SparqlRequest, SparqlRequestOptions } from './sparql-request';
export { itemsFromSparql } from './from-sparql';
export { itemFromEntity, entitiesOfDocument } from './from-entity';
export type { RawEntity } from './from-entity';
export { convertItems } from './convert';
export type { ConvertOptions, WikidataConversion } from './convert';
export { buildWikidataPack, WIKIDATA_LICENSE } from './wikidata-pack';
export type { WikidataPackOptions, WikidataPackResult, WikidataSource } from './wikidata-pack';
export { filterAliases, dropSharedAliases, SHORT_ALIAS_MIN_POPULARITY, COMMON_WORD_MIN_POPULARITY, MAX_ENTITIES_PER_ALIAS } from './ambiguity';
export { ALIAS_DROP_REASONS, emptyAliasReport, droppedTotal } from './alias-report';
export type { AliasDropReason, AliasReport, ReasonCount } from './alias-report';
export { entityTypeOf, knownClasses } from './entity-types';
export { languageChain, pickTerm, keepLanguages } from './languages';
export { wikidataUri, commonsFileUrl, isItemId } from './item';
export type { WikidataItem, WikidataDates } from './item';
