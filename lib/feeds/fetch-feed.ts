/**
 * Downloads a followed feed, or one of its article pages (where the user allowed full
 * articles for the feed): a conditional request (ETag, Last-Modified), without cookies,
 * with the limits of a pack download: the body streamed under a size cap
 * (lib/net/read-capped-body.ts), a time limit over answer and body, and no redirect to
 * another site. One fetcher for both, so both keep the same guards.
 */
import { readCappedBody } from '../net/read-capped-body';
import { formatByteSize } from '../text/byte-size';
import { FEED_LIMITS } from './feed-limits';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type FeedDownload =
  | { kind: 'not-modified' }
  /** `retry`: the site was unreachable, slow or briefly failing (5xx, 429), so asking later may work. */
  | { kind: 'failed'; message: string; retry?: boolean }
  | { kind: 'downloaded'; bytes: Uint8Array; contentType?: string; etag?: string; lastModified?: string };

export interface FeedDownloadOptions {
  fetch: FetchLike;
  etag?: string;
  lastModified?: string;
  /** {@link FEED_LIMITS.timeLimitMs} unless a test asks for less. */
  timeLimitMs?: number;
  maxBytes?: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed address';
  }
}

/** An answer that is no success, in plain words: what the status means, its number in brackets for those who know. */
function statusMessage(status: number, host: string, noun: string): string {
  if (status === 404 || status === 410) return `${host} answered ${status}: no such page.`;
  if (status >= 500) return `${host}: the site had an error (${status}).`;
  if (status === 401 || status === 403) return `${host} refused to send ${noun} (${status}).`;
  if (status === 429) return `${host} asked Backstory to wait (${status}: too many requests).`;
  return `${host} did not send ${noun} (${status}).`;
}

/** What is downloaded: its Accept header and what the messages call it. */
const KINDS = {
  feed: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', noun: 'the feed', Noun: 'The feed' },
  page: { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', noun: 'the article page', Noun: 'The article page' },
} as const;

/** Downloads the feed at the address the user followed. */
export function downloadFeed(url: string, options: FeedDownloadOptions): Promise<FeedDownload> {
  return download(url, KINDS.feed, options);
}

/** Downloads an article page a followed feed links to (lib/feeds/full-articles.ts decides which may be). */
export function downloadArticlePage(url: string, options: FeedDownloadOptions): Promise<FeedDownload> {
  return download(url, KINDS.page, options);
}

async function download(url: string, kind: (typeof KINDS)[keyof typeof KINDS], options: FeedDownloadOptions): Promise<FeedDownload> {
  const { noun, Noun } = kind;
  const headers: Record<string, string> = { Accept: kind.accept };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const timeLimitMs = options.timeLimitMs ?? FEED_LIMITS.timeLimitMs;
  const maxBytes = options.maxBytes ?? FEED_LIMITS.maxBytes;
  const signal = AbortSignal.timeout(timeLimitMs);
  const tooSlow = `${hostOf(url)} took longer than ${Math.round(timeLimitMs / 1000)} seconds to send ${noun}; the fetch was stopped.`;
  let response: Response;
  try {
    response = await options.fetch(url, { headers, credentials: 'omit', cache: 'no-cache', redirect: 'follow', signal });
  } catch {
    return { kind: 'failed', message: signal.aborted ? tooSlow : `Could not reach ${hostOf(url)}.`, retry: true };
  }
  if (response.redirected && new URL(response.url).origin !== new URL(url).origin) {
    await response.body?.cancel();
    return { kind: 'failed', message: `${hostOf(url)} sent ${noun} on to another site (${hostOf(response.url)}); Backstory does not follow that.` };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', message: statusMessage(response.status, hostOf(url), noun), retry: response.status >= 500 || response.status === 429 };
  }
  try {
    const body = await readCappedBody(response, maxBytes, { signal });
    if (!body.ok) return { kind: 'failed', message: `${Noun} was larger than ${formatByteSize(maxBytes)}, the most Backstory reads; the fetch was stopped.` };
    return {
      kind: 'downloaded',
      bytes: body.bytes,
      contentType: response.headers.get('content-type') ?? undefined,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch {
    return { kind: 'failed', message: signal.aborted ? tooSlow : `The connection to ${hostOf(url)} broke during the fetch.`, retry: true };
  }
}
