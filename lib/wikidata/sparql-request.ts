/**
 * The request to the Wikidata Query Service, within its usage policy
 * (https://www.mediawiki.org/wiki/Wikidata_Query_Service/User_Manual#Query_limits and
 * https://meta.wikimedia.org/wiki/User-Agent_policy).
 *
 * Browsers forbid setting `User-Agent` from fetch (it is a forbidden header name), so the
 * extension names itself in `Api-User-Agent`, the header Wikimedia reads for exactly this
 * case; Node (the CLI) may send both.
 */

/** The public endpoint. */
const WIKIDATA_SPARQL_ENDPOINT = 'https://query.wikidata.org/sparql';

/** Who is asking, as Wikimedia's policy asks; add a contact address once the project has a public one. */
const BACKSTORY_USER_AGENT = 'Backstory/0.1 (browser extension that explains names in the news; Wikidata names packs) wikibase-sdk/11';

/** Queries longer than this go by POST: long GET URLs are refused by proxies. */
const MAX_GET_QUERY_LENGTH = 2000;

export interface SparqlRequestOptions {
  query: string;
  endpoint?: string;
  /** Default: GET for short queries (cacheable by the service), POST for long ones. */
  method?: 'GET' | 'POST';
  /** Also send `User-Agent` (only outside a browser, where it is allowed). */
  setUserAgent?: boolean;
}

export interface SparqlRequest {
  url: string;
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string };
}

/** The URL and fetch options of one query. */
export function buildSparqlRequest(options: SparqlRequestOptions): SparqlRequest {
  const endpoint = options.endpoint ?? WIKIDATA_SPARQL_ENDPOINT;
  const method = options.method ?? (options.query.length > MAX_GET_QUERY_LENGTH ? 'POST' : 'GET');
  const headers: Record<string, string> = {
    Accept: 'application/sparql-results+json',
    'Api-User-Agent': BACKSTORY_USER_AGENT,
    ...(options.setUserAgent ? { 'User-Agent': BACKSTORY_USER_AGENT } : {}),
  };
  const params = new URLSearchParams({ query: options.query, format: 'json' });
  if (method === 'GET') return { url: `${endpoint}?${params}`, init: { method, headers } };
  return {
    url: endpoint,
    init: { method, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: params.toString() },
  };
}
