import type { RestoreOutcome } from '../lib/kb/backup';
import type { ImportOutcome, ImportProgress } from '../lib/kb/import-pipeline';
import type { SaveUserArticleInput, SaveUserArticleResult } from '../lib/kb/my-articles';
import { createJobClient, type JobWorker } from '../lib/messages/job-channel';
import type { PayloadOf } from '../lib/messages/channel';
import type { LibraryJobs } from '../lib/messages/protocol';

/** A dead worker never committed its transaction: the library is unchanged. */
export type WorkerFailed = { ok: false; code: 'worker-failed'; issues: []; total: 0 };

/** Starts a fresh library worker (workers/library.worker.ts) for one job. */
function startLibraryWorker(): JobWorker {
  const worker = new Worker(new URL('./library.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (envelope, transfer) => worker.postMessage(envelope, transfer),
    listen(onMessage, onFailure) {
      worker.addEventListener('message', (event) => onMessage(event.data));
      worker.addEventListener('error', (event) => onFailure(event.message));
    },
    terminate: () => worker.terminate(),
  };
}

const jobs = createJobClient<LibraryJobs>(startLibraryWorker);

/**
 * Imports one pack in a fresh worker and resolves with its outcome. If the worker dies
 * (out of memory, a bug), the outcome is 'worker-failed'.
 */
export function runImportInWorker(
  request: PayloadOf<LibraryJobs, 'pack.import'>,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome | WorkerFailed> {
  // The bytes are moved, not copied: a 200 MB pack is not held twice.
  return jobs.run('pack.import', request, { onProgress, transfer: [request.bytes.buffer] }).catch((error: unknown) => {
    console.error('Backstory: the library worker failed', error);
    return { ok: false, code: 'worker-failed', issues: [], total: 0 } satisfies WorkerFailed;
  });
}

/** Restores a backup in a fresh worker; a dead worker never committed, so the library is unchanged. */
export function runRestoreInWorker(request: PayloadOf<LibraryJobs, 'library.restore'>): Promise<RestoreOutcome> {
  return jobs.run('library.restore', request, { transfer: [request.bytes.buffer] }).catch((error: unknown) => {
    console.error('Backstory: the library worker failed', error);
    return {
      ok: false,
      summary: 'The restore stopped unexpectedly (the backup may be too big for this browser’s memory). Your library is unchanged.',
      issues: [],
      total: 0,
    } satisfies RestoreOutcome;
  });
}

/**
 * Saves one article to "My articles" in a fresh worker (lib/kb/my-articles.ts). Rejects
 * when the write failed or the worker died; either way nothing was saved.
 */
export function saveArticleInWorker(input: SaveUserArticleInput): Promise<SaveUserArticleResult> {
  return jobs.run('article.save', input);
}
