/**
 * Runs a SPARQL query against the Query Service (or a stand-in) with the care its usage
 * policy asks for: retries with exponential backoff on 429 and 503, honouring
 * Retry-After; a time limit with a clear error; a cap on the size of the answer.
 * `fetch` and `sleep` are injected, so this module runs in the extension, in Node and
 * in tests alike.
 */
import type { SparqlResults } from 'wikibase-sdk';
import { buildSparqlRequest, type SparqlRequestOptions } from './sparql-request';

/** The Query Service stops a query after 60 s; a little more covers the transfer. */
const DEFAULT_TIME_LIMIT_MS = 90_000;
/** A result this big is more than a browser should hold as one pack (about 300k names). */
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_MAX_ATTEMPTS = 4;
/** First backoff; doubled at each retry. */
const BASE_BACKOFF_MS = 2_000;
/** No single wait is longer than this, whatever Retry-After says. */
const MAX_BACKOFF_MS = 60_000;

/** Expected failures, each with a code the UI maps to a sentence. */
export type SparqlErrorCode =
  | 'timeout' // our time limit passed
  | 'query-timeout' // the service stopped the query (its own 60 s limit)
  | 'rate-limited' // still 429 after the retries
  | 'unavailable' // still 503 (or another 5xx) after the retries
  | 'bad-query' // 400: the service could not parse the query
  | 'http' // any other status
  | 'too-large' // the answer passed maxBytes
  | 'malformed' // not SPARQL JSON results
  | 'network' // fetch failed
  | 'aborted'; // the caller's signal

export class SparqlQueryError extends Error {
  constructor(
    readonly code: SparqlErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SparqlQueryError';
  }
}

export interface RunSparqlOptions extends SparqlRequestOptions {
  fetch: typeof globalThis.fetch;
  timeLimitMs?: number;
  maxBytes?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
  /** Waits between attempts; injected so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Called as the answer arrives, and before each retry. */
  onProgress?: (progress: { stage: 'waiting' | 'receiving' | 'retrying'; bytes: number; attempt: number; waitMs?: number }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as Retry-After may say; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `attempt` (1 for the first retry). */
function backoffMs(attempt: number, retryAfter: number | undefined): number {
  const exponential = BASE_BACKOFF_MS * 2 ** (attempt - 1);
  return Math.min(MAX_BACKOFF_MS, Math.max(exponential, retryAfter ?? 0));
}

function isSparqlResults(data: unknown): data is SparqlResults {
  const d = data as SparqlResults | null;
  return typeof d === 'object' && d !== null && Array.isArray(d.head?.vars) && Array.isArray(d.results?.bindings);
}

async function readCapped(response: Response, maxBytes: number, onBytes: (bytes: number) => void): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
    onBytes(bytes);
  }
  return text + decoder.decode();
}

function tooLarge(maxBytes: number): SparqlQueryError {
  return new SparqlQueryError('too-large', `The answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; narrow the query or add a LIMIT.`);
}

function statusError(status: number, body: string, attempts: number): SparqlQueryError {
  if (/TimeoutException/u.test(body)) {
    return new SparqlQueryError('query-timeout', 'The Query Service stopped the query after its 60-second limit; narrow it or add a LIMIT.', status);
  }
  if (status === 429) return new SparqlQueryError('rate-limited', `The Query Service asked to slow down (429) ${attempts} times; try again in a few minutes.`, status);
  if (status === 400) return new SparqlQueryError('bad-query', `The Query Service could not run the query: ${body.split('\n')[0]?.slice(0, 300) ?? ''}`, status);
  if (status >= 500) return new SparqlQueryError('unavailable', `The Query Service is unavailable (${status}) after ${attempts} attempts; try again later.`, status);
  return new SparqlQueryError('http', `The Query Service answered ${status}.`, status);
}

const RETRY_STATUSES = new Set([429, 503]);

/**
 * Runs one query and returns its parsed results. Throws {@link SparqlQueryError} for
 * every expected failure.
 */
export async function runSparqlQuery(options: RunSparqlOptions): Promise<SparqlResults> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = options.sleep ?? defaultSleep;
  const { url, init } = buildSparqlRequest(options);
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), timeLimitMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
  const failure = (error: unknown): SparqlQueryError => {
    if (error instanceof SparqlQueryError) return error;
    if (options.signal?.aborted) return new SparqlQueryError('aborted', 'The query was cancelled.');
    if (timer.signal.aborted) return new SparqlQueryError('timeout', `No complete answer within ${Math.round(timeLimitMs / 1000)} s; the query may be too big for the Query Service.`);
    return new SparqlQueryError('network', `Could not reach the Query Service: ${(error as Error).message}`);
  };
  try {
    for (let attempt = 1; ; attempt++) {
      options.onProgress?.({ stage: 'waiting', bytes: 0, attempt });
      const response = await options.fetch(url, { ...init, signal });
      if (!response.ok) {
        const body = await response.text().catch(() => '');
        if (RETRY_STATUSES.has(response.status) && attempt < maxAttempts) {
          const waitMs = backoffMs(attempt, retryAfterMs(response.headers.get('retry-after')));
          options.onProgress?.({ stage: 'retrying', bytes: 0, attempt, waitMs });
          await Promise.race([sleep(waitMs), aborted(signal)]);
          continue;
        }
        throw statusError(response.status, body, attempt);
      }
      const text = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES, (bytes) =>
        options.onProgress?.({ stage: 'receiving', bytes, attempt }),
      );
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new SparqlQueryError('malformed', 'The answer is not valid JSON; the service may have cut it short.');
      }
      if (!isSparqlResults(data)) throw new SparqlQueryError('malformed', 'The answer is JSON but not SPARQL results (head.vars and results.bindings).');
      return data;
    }
  } catch (error) {
    throw failure(error);
  } finally {
    clearTimeout(timeout);
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
