import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Names of the starter pack, so that the generated articles have mentions to find. */
const NAMES = ['Vladimir Putin', 'Xi Jinping', 'Astana', 'Kassym-Jomart Tokayev', 'Shanghai Cooperation Organization', 'Narendra Modi', 'Dushanbe', 'Belarus'];
const FILLER = 'The delegations met again in the afternoon and discussed trade, transport and water; officials said more talks would follow next month.';

export interface FeedSite {
  origin: string;
  /** A page to read while the feeds are fetched, with names to highlight. */
  pageUrl: string;
  feedUrls: string[];
  /** Adds `count` new items at the top of every feed (a new version, new ETag). */
  addItems(count: number): void;
  /** Answers so far: 200 and 304. */
  readonly served: { full: number; notModified: number; bytes: number };
  close(): Promise<void>;
}

function itemXml(feed: number, n: number, origin: string): string {
  const a = NAMES[(feed + n) % NAMES.length]!;
  const b = NAMES[(feed * 3 + n) % NAMES.length]!;
  const body = `<p>${a} met ${b} on day ${n}.</p>` + `<p>${FILLER}</p>`.repeat(6) + `<p>${b} is expected to reply.</p>`;
  const date = new Date(Date.UTC(2026, 11, 5, 12) - (n % 80) * 3_600_000).toUTCString();
  return `<item><title>Feed ${feed} story ${n}: ${a} and ${b}</title><link>${origin}/f${feed}/s${n}</link><guid isPermaLink="false">f${feed}-s${n}</guid><pubDate>${date}</pubDate><description><![CDATA[${body}]]></description></item>`;
}

/** 50 RSS feeds of 100 items each (by default), about 150 KB each, with ETags and 304s. */
export async function startFeedSite(feeds: number, itemsPerFeed: number): Promise<FeedSite> {
  let newest = itemsPerFeed;
  const served = { full: 0, notModified: 0, bytes: 0 };
  let origin = '';
  const server: Server = createServer((request, response) => {
    if (request.url === '/page.html') {
      const text = Array.from({ length: 40 }, (_, i) => `<p>${NAMES[i % NAMES.length]} met ${NAMES[(i + 3) % NAMES.length]}. ${FILLER}</p>`).join('');
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Reading</title>${text}`);
    }
    const match = /^\/feed-(\d+)\.xml$/u.exec(request.url ?? '');
    if (!match) return void response.writeHead(404).end();
    const feed = Number(match[1]);
    const etag = `"n${newest}"`;
    if (request.headers['if-none-match'] === etag) {
      served.notModified++;
      return void response.writeHead(304, { etag }).end();
    }
    const items = Array.from({ length: itemsPerFeed }, (_, i) => itemXml(feed, newest - i, origin)).join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>${origin}/f${feed}/</link>${items}</channel></rss>`;
    served.full++;
    served.bytes += xml.length;
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: `${origin}/page.html`,
    feedUrls: Array.from({ length: feeds }, (_, i) => `${origin}/feed-${i}.xml`),
    addItems: (count) => void (newest += count),
    served,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
