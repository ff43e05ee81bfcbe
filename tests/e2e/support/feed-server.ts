import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FeedItemFixture {
  id: string;
  title: string;
  body: string;
  /** RFC 822, as RSS writes it. */
  date: string;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  /** What /feed.xml answers from now on. */
  publish(items: FeedItemFixture[]): void;
  /** Every request for /feed.xml, with its If-None-Match. */
  readonly feedRequests: Array<{ ifNoneMatch?: string }>;
  /** What /news/<id> answers from now on (an article page); ids without a page answer 404. */
  publishPage(id: string, html: string): void;
  /** Every request for an article page (/news/…) and for /beacon (which only a page's script or image would ask), when it arrived (epoch ms, server side). */
  readonly pageRequests: Array<{ path: string; at: number }>;
  close(): Promise<void>;
}

function rss(origin: string, items: FeedItemFixture[]): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>/news/${i.id}</link><guid isPermaLink="false">pmp-${i.id}</guid><pubDate>${i.date}</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Pamir Morning Post</title><link>${origin}/</link><description>Morning news</description>\n${entries}\n</channel></rss>\n`;
}

/**
 * A news site on 127.0.0.1: its pages (from `pagesDir`), an RSS feed at /feed.xml that
 * answers 304 to its own ETag (summaries only: each item's description), the article
 * pages it links to (/news/<id>, as published), /broken.xml, a page that is not a feed,
 * /later-broken.xml, a feed that breaks after its first answer, and /error.xml, which answers 500.
 */
export async function startFeedServer(pagesDir: string): Promise<FeedServer> {
  let items: FeedItemFixture[] = [];
  let version = 0;
  const feedRequests: Array<{ ifNoneMatch?: string }> = [];
  const pages = new Map<string, string>();
  const pageRequests: Array<{ path: string; at: number }> = [];
  let origin = '';
  let laterBrokenAsked = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/feed.xml') {
        const ifNoneMatch = request.headers['if-none-match'];
        feedRequests.push({ ifNoneMatch });
        const etag = `"v${version}"`;
        if (ifNoneMatch === etag) return void response.writeHead(304, { etag }).end();
        return void response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(origin, items));
      }
      if (path.startsWith('/news/') || path === '/beacon') {
        pageRequests.push({ path, at: Date.now() });
        const html = pages.get(path.slice('/news/'.length));
        if (html) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      }
      if (path === '/broken.xml') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Moved to our app!</body></html>');
      // A feed (untitled) when first asked, the check before following; a page that is no feed ever after.
      if (path === '/later-broken.xml') {
        if (laterBrokenAsked++ > 0) return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Moved to our app!</body></html>');
        return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><link>/</link></channel></rss>');
      }
      if (path === '/error.xml') return void response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      if (/^\/[\w-]+\.html$/u.test(path)) {
        const html = await readFile(join(pagesDir, path)).catch(() => undefined);
        if (html) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      }
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//u, '')}`,
    publish(next) {
      items = next;
      version++;
    },
    feedRequests,
    publishPage: (id, html) => void pages.set(id, html),
    pageRequests,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
