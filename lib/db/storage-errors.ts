/** Names browsers give a write refused for lack of space (Firefox's older one included). */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** How deep to look through wrapped errors; Dexie wraps at most twice. */
const MAX_WRAP_DEPTH = 4;

/**
 * Whether a failed write failed for lack of space. Dexie hands the browser's error over
 * wrapped: directly, as `inner` of an AbortError, or among the `failures` of a BulkError
 * (one per failed row in a bulkAdd), so all of these are looked through.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_WRAP_DEPTH) return false;
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) return true;
  if (isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1)) return true;
  const list = Array.isArray(failures) ? failures : failures && typeof failures === 'object' ? Object.values(failures) : [];
  return list.some((failure) => isQuotaExceeded(failure, depth + 1));
}
