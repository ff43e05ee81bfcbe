/**
 * The import worker: reading, validating, building rows and writing a pack happen here,
 * off the options page's main thread, so the page stays responsive during a big import.
 * A worker rather than the background: a service worker can be stopped mid-task.
 */
import { getDatabase } from '../../../lib/db/database';
import { runImport } from '../../../lib/kb/import-pipeline';
import type { ImportRequest, ImportWorkerMessage } from './worker-protocol';

// The project's type library is the DOM's; a dedicated worker's scope has the same postMessage shape as this.
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; addEventListener: typeof addEventListener };

function post(message: ImportWorkerMessage): void {
  scope.postMessage(message, []);
}

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { bytes, source, replace } = event.data;
  void runImport(getDatabase(), bytes, {
    source,
    replace,
    onProgress: (progress) => post({ type: 'progress', progress }),
    estimateStorage: () => navigator.storage.estimate(),
  }).then((outcome) => post({ type: 'done', outcome }));
});
