/**
 * The library worker: importing a pack, restoring a backup and saving one article happen
 * here, off the page's main thread, so the page stays responsive: saving an article
 * compiles a matcher over the whole library, a second's work at 50,000 entities. A worker
 * rather than the background: a service worker can be stopped mid-task. Started by the
 * options page and the save page (workers/library-worker.ts), one job per worker.
 */
import { getDatabase } from '../lib/db/database';
import { runRestore } from '../lib/kb/backup';
import { runImport } from '../lib/kb/import-pipeline';
import { saveUserArticle } from '../lib/kb/my-articles';
import { type JobHandlersOf, type JobMessage, serveJob } from '../lib/messages/job-channel';
import { LIBRARY_JOBS, type LibraryJobs } from '../lib/messages/protocol';

// The project's type library is the DOM's; a dedicated worker's scope has the same postMessage shape as this.
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; addEventListener: typeof addEventListener };

const handlers: JobHandlersOf<LibraryJobs> = {
  'pack.import': ({ bytes, source, replace, expectedPackId }, job) =>
    runImport(getDatabase(), bytes, { source, replace, expectedPackId, onProgress: job.progress, estimateStorage: () => navigator.storage.estimate() }),
  'library.restore': ({ bytes, fileName }) => runRestore(getDatabase(), bytes, fileName),
  'article.save': (input) => saveUserArticle(getDatabase(), input),
};

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  void serveJob({ declarations: LIBRARY_JOBS, handlers, message: event.data, post: (message: JobMessage) => scope.postMessage(message, []) });
});
