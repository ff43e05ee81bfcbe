import type { PackSource } from '../../../lib/db/rows';
import type { ImportOutcome, ImportProgress } from '../../../lib/kb/import-pipeline';

/** What the options page asks the import worker to do (once per worker). */
export interface ImportRequest {
  bytes: Uint8Array;
  source: PackSource;
  replace: boolean;
}

/** What the import worker reports back. */
export type ImportWorkerMessage = { type: 'progress'; progress: ImportProgress } | { type: 'done'; outcome: ImportOutcome };
