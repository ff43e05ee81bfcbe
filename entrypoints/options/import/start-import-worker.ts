import type { ImportOutcome, ImportProgress } from '../../../lib/kb/import-pipeline';
import type { ImportRequest, ImportWorkerMessage } from './worker-protocol';

/**
 * Runs one import in a fresh worker and resolves with its outcome. If the worker dies
 * (out of memory, a bug), the outcome is 'worker-failed': its transaction was never
 * committed, so the library is unchanged.
 */
export function runImportInWorker(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome | { ok: false; code: 'worker-failed'; issues: []; total: 0 }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: Parameters<typeof resolve>[0]) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.progress);
      else finish(event.data.outcome);
    });
    worker.addEventListener('error', (event) => {
      console.error('Backstory: the import worker failed', event.message);
      finish({ ok: false, code: 'worker-failed', issues: [], total: 0 });
    });
    // The bytes are moved, not copied: a 200 MB pack is not held twice.
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
