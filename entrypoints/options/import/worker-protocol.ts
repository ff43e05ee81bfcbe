import type { PackSource } from '../../../lib/db/rows';
import type { RestoreOutcome } from '../../../lib/kb/backup';
import type { ImportOutcome, ImportProgress } from '../../../lib/kb/import-pipeline';

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

/** What the options page asks the worker to do (once per worker). */
export type WorkerRequest = ImportRequest | RestoreRequest;

/** What the worker reports back. */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'restored'; outcome: RestoreOutcome };
