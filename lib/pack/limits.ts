/**
 * Limits of pack import. A pack of 200 MB (uncompressed) must import; the limit leaves
 * room above that while refusing inputs that would exhaust the memory of a tab.
 */

const MIB = 1024 * 1024;

/** Largest pack accepted, in uncompressed bytes (256 MiB). */
export const MAX_PACK_BYTES = 256 * MIB;

/** How many issues a failed validation reports; the total is counted beyond it. */
export const MAX_REPORTED_ISSUES = 50;

/** Formats a byte count for a message: "256 MB", "64 KB", "900 bytes" (binary units). */
export function formatByteSize(bytes: number): string {
  if (bytes >= MIB) return `${round(bytes / MIB)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Deepest nesting of arrays and objects accepted anywhere in a pack. The format itself
 * needs 5 levels (`entities[0].match.exclude[0]`); unknown properties are kept and
 * stored, and a value nested thousands deep overflows the structured clone that
 * IndexedDB runs on every read, which would leave the library unreadable.
 */
export const MAX_JSON_DEPTH = 32;
