import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Extra response headers for a path (e.g. a Content-Security-Policy), by URL path. */
  headers?: Record<string, Record<string, string>>;
}

/** Serves files under `roots` (first match wins) on 127.0.0.1 at a free port. */
export async function startStaticServer(roots: string[], options: StaticServerOptions = {}): Promise<StaticServer> {
  const absoluteRoots = roots.map((r) => resolve(r));
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    for (const root of absoluteRoots) {
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) continue;
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) continue;
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        ...options.headers?.[path],
      });
      createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//u, '')}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
