/**
 * The import worker: reading, validating, building rows and writing a pack (or a whole
 * backup, or one saved article) happen here, off the page's main thread, so the page
 * stays responsive: saving an article compiles a matcher over the whole library, a
 * second's work at 50,000 entities. A worker rather than the background: a service
 * worker can be stopped mid-task.
 */
import { getDatabase } from '../../../lib/db/database';
import { runRestore } from '../../../lib/kb/backup';
import { runImport } from '../../../lib/kb/import-pipeline';
import { saveUserArticle } from '../../../lib/kb/my-articles';
import type { ImportWorkerMessage, WorkerRequest } from './worker-protocol';

// The project's type library is the DOM's; a dedicated worker's scope has the same postMessage shape as this.
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; addEventListener: typeof addEventListener };

function post(message: ImportWorkerMessage): void {
  scope.postMessage(message, []);
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'restore') {
    void runRestore(getDatabase(), request.bytes, request.fileName).then((outcome) => post({ type: 'restored', outcome }));
    return;
  }
  if (request.kind === 'save-article') {
    void saveUserArticle(getDatabase(), request.input).then(
      (result) => post({ type: 'article-saved', result }),
      (error: unknown) => {
        console.error('Backstory: could not save the article', error);
        post({ type: 'article-saved' });
      },
    );
    return;
  }
  const { bytes, source, replace } = request;
  void runImport(getDatabase(), bytes, {
    source,
    replace,
    onProgress: (progress) => post({ type: 'progress', progress }),
    estimateStorage: () => navigator.storage.estimate(),
  }).then((outcome) => post({ type: 'done', outcome }));
});
