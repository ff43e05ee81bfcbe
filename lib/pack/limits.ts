/**
 * Limits of pack import. A pack of 200 MB (uncompressed) must import; the limit leaves
 * room above that while refusing inputs that would exhaust the memory of a tab.
 */

import { formatByteSize } from '../text/byte-size';

/** Sizes are shown in decimal units (lib/text/byte-size.ts), so limits are set in them too. */
const MB = 1000 * 1000;

/** Largest pack accepted, in uncompressed bytes (256 MB). */
export const MAX_PACK_BYTES = 256 * MB;

/** How many issues a failed validation reports; the total is counted beyond it. */
export const MAX_REPORTED_ISSUES = 50;

/** Byte counts in messages are formatted one way, everywhere. */
export { formatByteSize };

/**
 * Deepest nesting of arrays and objects accepted anywhere in a pack. The format itself
 * needs 5 levels (`entities[0].match.exclude[0]`); unknown properties are kept and
 * stored, and a value nested thousands deep overflows the structured clone that
 * IndexedDB runs on every read, which would leave the library unreadable.
 */
export const MAX_JSON_DEPTH = 32;
