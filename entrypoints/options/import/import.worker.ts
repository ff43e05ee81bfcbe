/**
 * The import worker: reading, validating, building rows and writing a pack (or a whole
 * backup) happen here, off the options page's main thread, so the page stays responsive.
 * A worker rather than the background: a service worker can be stopped mid-task.
 */
import { getDatabase } from '../../../lib/db/database';
import { runRestore } from '../../../lib/kb/backup';
import { runImport } from '../../../lib/kb/import-pipeline';
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
  const { bytes, source, replace } = request;
  void runImport(getDatabase(), bytes, {
    source,
    replace,
    onProgress: (progress) => post({ type: 'progress', progress }),
    estimateStorage: () => navigator.storage.estimate(),
  }).then((outcome) => post({ type: 'done', outcome }));
});
