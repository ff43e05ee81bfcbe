// @vitest-environment node
/**
 * The Query Service client against a local HTTP server that answers like the service,
 * with response files in its real format (tests/fixtures/wikidata/*.srj.json).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { itemsFromSparql } from '../../../lib/wikidata/from-sparql';
import { retryAfterMs, runSparqlQuery, SparqlQueryError } from '../../../lib/wikidata/query-client';
import { READY_QUERIES, readyQuery } from '../../../lib/wikidata/ready-queries';
import { buildSparqlRequest } from '../../../lib/wikidata/sparql-request';

const FIXTURES = 'tests/fixtures/wikidata';
const RESULTS = readFileSync(`${FIXTURES}/heads-of-state.srj.json`, 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server;
let endpoint: string;
let handlers: Handler[];
let requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;

function answer(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/sparql-results+json', ...headers });
    res.end(body);
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const handler = handlers.shift() ?? answer(500, 'no answer planned');
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  handlers = [];
  requests = [];
});

const waits: number[] = [];
const run = (extra: Partial<Parameters<typeof runSparqlQuery>[0]> = {}) =>
  runSparqlQuery({ query: 'SELECT ?item WHERE {}', endpoint, fetch, sleep: async (ms) => void waits.push(ms), ...extra });

async function failure(promise: Promise<unknown>): Promise<SparqlQueryError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SparqlQueryError);
  return error as SparqlQueryError;
}

describe('the request', () => {
  it('asks for SPARQL JSON by GET with format=json, naming Backstory in Api-User-Agent', async () => {
    handlers.push(answer(200, RESULTS));
    const results = await run();
    expect(itemsFromSparql(results, 'en')).toHaveLength(4);
    const [request] = requests;
    expect(request?.method).toBe('GET');
    const url = new URL(request?.url ?? '', endpoint);
    expect(url.searchParams.get('format')).toBe('json');
    expect(url.searchParams.get('query')).toBe('SELECT ?item WHERE {}');
    expect(request?.headers.accept).toBe('application/sparql-results+json');
    expect(request?.headers['api-user-agent']).toMatch(/^Backstory\//u);
  });

  it('sends long queries by POST, form-encoded', async () => {
    handlers.push(answer(200, RESULTS));
    const query = readyQuery('largest-companies')?.build({ language: 'en' }) ?? '';
    await run({ query, method: 'POST' });
    expect(requests[0]?.method).toBe('POST');
    expect(new URLSearchParams(requests[0]?.body).get('query')).toBe(query);
  });

  it('sets User-Agent only when asked (outside a browser)', () => {
    expect(buildSparqlRequest({ query: 'x' }).init.headers['User-Agent']).toBeUndefined();
    expect(buildSparqlRequest({ query: 'x', setUserAgent: true }).init.headers['User-Agent']).toMatch(/^Backstory\//u);
  });
});

describe('retries and failures', () => {
  it('waits as Retry-After says after a 429, then succeeds', async () => {
    waits.length = 0;
    handlers.push(answer(429, 'Too Many Requests', { 'Retry-After': '7' }), answer(200, RESULTS));
    const progress: string[] = [];
    const results = await run({ onProgress: (p) => progress.push(p.stage) });
    expect(results.results.bindings).toHaveLength(5);
    expect(waits).toEqual([7000]);
    expect(progress).toContain('retrying');
    expect(requests).toHaveLength(2);
  });

  it('backs off exponentially on 503 and gives up with "unavailable"', async () => {
    waits.length = 0;
    handlers.push(answer(503, 'busy'), answer(503, 'busy'), answer(503, 'busy'));
    const error = await failure(run({ maxAttempts: 3 }));
    expect(error.code).toBe('unavailable');
    expect(waits).toEqual([2000, 4000]);
  });

  it('says so when the service stopped the query at its own limit', async () => {
    handlers.push(answer(500, 'java.util.concurrent.ExecutionException: java.util.concurrent.TimeoutException'));
    expect((await failure(run())).code).toBe('query-timeout');
  });

  it('stops at its own time limit with a clear message', async () => {
    handlers.push(() => undefined); // never answers
    const error = await failure(run({ timeLimitMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^No complete answer within \d+ s/u);
  });

  it('refuses malformed JSON and JSON that is not SPARQL results', async () => {
    handlers.push(answer(200, readFileSync(`${FIXTURES}/truncated.srj.json`, 'utf8')));
    expect((await failure(run())).code).toBe('malformed');
    handlers.push(answer(200, readFileSync(`${FIXTURES}/not-results.srj.json`, 'utf8')));
    expect((await failure(run())).code).toBe('malformed');
  });

  it('stops reading past the size cap', async () => {
    handlers.push(answer(200, RESULTS));
    expect((await failure(run({ maxBytes: 1000 }))).code).toBe('too-large');
  });

  it('reports a bad query (400) without retrying', async () => {
    handlers.push(answer(400, 'MalformedQueryException: Encountered " <EOF> "\nat line 1'));
    const error = await failure(run());
    expect(error).toMatchObject({ code: 'bad-query', status: 400 });
    expect(requests).toHaveLength(1);
  });
});

it('Retry-After may be seconds or an HTTP date', () => {
  expect(retryAfterMs('3')).toBe(3000);
  expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
  expect(retryAfterMs('soon')).toBeUndefined();
});

describe('ready queries', () => {
  it('each has a description and an estimate, and selects what the mapping reads', () => {
    expect(READY_QUERIES.length).toBeGreaterThanOrEqual(5);
    for (const ready of READY_QUERIES) {
      expect(ready.description.length).toBeGreaterThan(20);
      expect(ready.estimatedNames).toBeGreaterThan(0);
      const query = ready.build({ language: 'fr', country: 'Q142' });
      for (const variable of ['?itemLabel', '?itemDescription', '?itemAliases', '?itemTypes', '?itemBelongsTo', '?itemSitelinks', '?itemBirth', '?itemFounded', '?itemStart']) {
        expect(query).toContain(variable);
      }
      expect(query).toContain('wikibase:language "fr,mul,en"');
    }
  });
  it('refuses parameters that would change the query', () => {
    expect(() => readyQuery('political-parties')?.build({ language: 'en', country: 'Q1 } DELETE {' })).toThrow(/item id/u);
    expect(() => readyQuery('largest-companies')?.build({ language: 'en"' })).toThrow(/language/u);
  });
});
