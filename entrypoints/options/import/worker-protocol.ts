import type { PackSource } from '../../../lib/db/rows';
import type { RestoreOutcome } from '../../../lib/kb/backup';
import type { ImportOutcome, ImportProgress } from '../../../lib/kb/import-pipeline';
import type { SaveUserArticleInput, SaveUserArticleResult } from '../../../lib/kb/my-articles';

/** Import one pack file. */
export interface ImportRequest {
  kind: 'import';
  bytes: Uint8Array;
  source: PackSource;
  replace: boolean;
}

/** Replace the library with a backup file. */
export interface RestoreRequest {
  kind: 'restore';
  bytes: Uint8Array;
  fileName: string;
}

/** Save one article to "My articles" (the options page's "Add an article", the save page). */
export interface SaveArticleRequest {
  kind: 'save-article';
  input: SaveUserArticleInput;
}

/** What an extension page asks the worker to do (once per worker). */
export type WorkerRequest = ImportRequest | RestoreRequest | SaveArticleRequest;

/** What the worker reports back. */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'restored'; outcome: RestoreOutcome }
  /** `result` undefined: the write failed (a full disk); nothing was saved. */
  | { type: 'article-saved'; result?: SaveUserArticleResult };
