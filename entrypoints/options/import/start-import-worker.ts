import type { RestoreOutcome } from '../../../lib/kb/backup';
import type { ImportOutcome, ImportProgress } from '../../../lib/kb/import-pipeline';
import type { SaveUserArticleInput, SaveUserArticleResult } from '../../../lib/kb/my-articles';
import type { ImportRequest, ImportWorkerMessage, RestoreRequest, WorkerRequest } from './worker-protocol';

/**
 * Runs one import in a fresh worker and resolves with its outcome. If the worker dies
 * (out of memory, a bug), the outcome is 'worker-failed': its transaction was never
 * committed, so the library is unchanged.
 */
export function runImportInWorker(
  request: Omit<ImportRequest, 'kind'>,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome | { ok: false; code: 'worker-failed'; issues: []; total: 0 }> {
  return runInWorker<ImportOutcome | { ok: false; code: 'worker-failed'; issues: []; total: 0 }>({ kind: 'import', ...request }, onProgress, {
    ok: false,
    code: 'worker-failed',
    issues: [],
    total: 0,
  });
}

/** Restores a backup in a fresh worker; a dead worker never committed, so the library is unchanged. */
export function runRestoreInWorker(request: Omit<RestoreRequest, 'kind'>): Promise<RestoreOutcome> {
  return runInWorker<RestoreOutcome>({ kind: 'restore', ...request }, () => undefined, {
    ok: false,
    summary: 'The restore stopped unexpectedly (the backup may be too big for this browser’s memory). Your library is unchanged.',
    issues: [],
    total: 0,
  });
}

/**
 * Saves one article to "My articles" in a fresh worker (lib/kb/my-articles.ts). Rejects
 * when the write failed or the worker died; either way nothing was saved.
 */
export async function saveArticleInWorker(input: SaveUserArticleInput): Promise<SaveUserArticleResult> {
  const result = await runInWorker<SaveUserArticleResult | undefined>({ kind: 'save-article', input }, () => undefined, undefined);
  if (!result) throw new Error('The article could not be saved');
  return result;
}

function runInWorker<T>(request: WorkerRequest, onProgress: (progress: ImportProgress) => void, failed: T): Promise<T> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: T) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.progress);
      else finish((event.data.type === 'article-saved' ? event.data.result : event.data.outcome) as T);
    });
    worker.addEventListener('error', (event) => {
      console.error('Backstory: the import worker failed', event.message);
      finish(failed);
    });
    // The bytes are moved, not copied: a 200 MB pack is not held twice.
    worker.postMessage(request, 'bytes' in request ? [request.bytes.buffer] : []);
  });
}
