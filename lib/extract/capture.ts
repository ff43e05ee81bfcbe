import type { ExtractResult } from './extract-article';

/** Session-storage key prefix of a captured page; the save page's URL hash holds the rest. */
export const CAPTURE_KEY_PREFIX = 'capture:';

/** What the background read from a tab, handed to the save page through storage.session. */
export type Capture =
  | { result: ExtractResult; takenAt: number }
  | { error: 'no-access' | 'no-result'; takenAt: number };
