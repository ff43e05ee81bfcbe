import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SparqlServer {
  /** The stand-in's endpoint, as the extension is pointed at it. */
  endpoint: string;
  /** Answers with this response file (`application/sparql-results+json`) from now on. */
  answerWith(file: string): Promise<void>;
  /** Answers every request with this status instead (429, 503…), with Retry-After: 0. */
  failWith(status: number | undefined): void;
  /** The SPARQL text and the Api-User-Agent header of every request, in order. */
  requests: Array<{ query: string; userAgent: string }>;
  close(): Promise<void>;
}

/**
 * A Wikidata Query Service stand-in on 127.0.0.1: GET `?query=` or POST form, answered
 * with a response file in the service's real format, as the real endpoint does.
 */
export async function startSparqlServer(): Promise<SparqlServer> {
  let body = '';
  let failure: number | undefined;
  const requests: SparqlServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/sparql') {
      response.writeHead(404).end();
      return;
    }
    let form = '';
    request.on('data', (chunk: Buffer) => (form += chunk.toString('utf8')));
    request.on('end', () => {
      const query = url.searchParams.get('query') ?? new URLSearchParams(form).get('query') ?? '';
      requests.push({ query, userAgent: String(request.headers['api-user-agent'] ?? '') });
      if (failure) {
        response.writeHead(failure, { 'content-type': 'text/plain', 'retry-after': '0' }).end('Too many requests');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/sparql-results+json;charset=utf-8', 'access-control-allow-origin': '*' });
      response.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`,
    async answerWith(file) {
      body = await readFile(file, 'utf8');
    },
    failWith(status) {
      failure = status;
    },
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
