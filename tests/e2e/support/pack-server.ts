import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PackServer {
  /** Address of the pack: answers with CORS allowed. */
  url: string;
  /** Publishes a new file under a new ETag. */
  publish(pack: unknown): void;
  /** If-None-Match of every request to `url`, in order ('' when absent). */
  conditions: string[];
  close(): Promise<void>;
}

/**
 * A pack publisher on 127.0.0.1: one pack file that can be replaced by a newer one,
 * with an ETag and 304 answers to conditional requests, like a static host.
 */
export async function startPackServer(): Promise<PackServer> {
  let body = '';
  let etag = '';
  let generation = 0;
  const conditions: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/news.pack.json') {
      response.writeHead(404).end();
      return;
    }
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-headers': 'if-none-match, if-modified-since' }).end();
      return;
    }
    conditions.push(String(request.headers['if-none-match'] ?? ''));
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ...cors, etag }).end();
      return;
    }
    response.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), etag });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/news.pack.json`,
    publish(pack) {
      body = JSON.stringify(pack);
      etag = `"v${++generation}"`;
    },
    conditions,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
