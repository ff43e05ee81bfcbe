import type { WikidataQueryOutcome } from '../../../lib/kb/wikidata-packs';
import type { RunSparqlOptions } from '../../../lib/wikidata/query-client';
import { formatByteSize } from '../../../lib/text/byte-size';

export type QueryProgress = Parameters<NonNullable<RunSparqlOptions['onProgress']>>[0];

/** Attempts the client makes before giving up on 429 and 503 (query-client.ts). */
const ATTEMPTS = 4;

/** What the reader sees while a query runs. */
export function progressSentence(progress: QueryProgress): string {
  if (progress.stage === 'receiving') return `Receiving Wikidata's answer: ${formatByteSize(progress.bytes)}…`;
  if (progress.stage === 'retrying') {
    const seconds = Math.round((progress.waitMs ?? 0) / 1000);
    return `The Query Service is busy; asking again in ${seconds} s (attempt ${progress.attempt + 1} of ${ATTEMPTS}).`;
  }
  return 'Waiting for Wikidata to run the query; a big one can take up to a minute…';
}

/** A failed query as one sentence and what to do next; the client's own sentence says the details. */
export function failureSentence(outcome: Extract<WikidataQueryOutcome, { ok: false }>): string {
  switch (outcome.code) {
    case 'timeout':
    case 'query-timeout':
      return `The query took too long. ${outcome.message}`;
    case 'rate-limited':
    case 'unavailable':
      return `Wikidata is busy. ${outcome.message}`;
    case 'malformed':
    case 'too-large':
      return `Wikidata's answer could not be used. ${outcome.message}`;
    case 'aborted':
      return 'The query was cancelled. Nothing was added.';
    default:
      return outcome.message;
  }
}
