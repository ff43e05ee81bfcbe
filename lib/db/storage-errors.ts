/** Names browsers give a write refused for lack of space (Firefox's older one included). */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * A full disk, as Chromium reports it for an origin with `unlimitedStorage` (which has no
 * quota, only the disk): UnknownError "IO error: …: FILE_ERROR_NO_SPACE"; and the
 * spellings of the same on other platforms and in Firefox.
 */
const DISK_FULL_MESSAGE = /FILE_ERROR_NO_SPACE|NO_DEVICE_SPACE|No space left|ENOSPC|disk is full/iu;

/** How deep to look through wrapped errors; Dexie wraps at most twice. */
const MAX_WRAP_DEPTH = 4;

/**
 * Whether a failed write failed for lack of space (a quota or a full disk). Dexie hands the browser's error over
 * wrapped: directly, as `inner` of an AbortError, or among the `failures` of a BulkError
 * (one per failed row in a bulkAdd), so all of these are looked through.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_WRAP_DEPTH) return false;
  const { name, message, inner, cause, failures } = error as {
    name?: unknown;
    message?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) return true;
  if (name === 'UnknownError' && typeof message === 'string' && DISK_FULL_MESSAGE.test(message)) return true;
  if (isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1)) return true;
  const list = Array.isArray(failures) ? failures : failures && typeof failures === 'object' ? Object.values(failures) : [];
  return list.some((failure) => isQuotaExceeded(failure, depth + 1));
}

/**
 * Gives a failed write its real cause. When IndexedDB aborts a transaction (a full disk
 * in Chromium), the pending requests fail with AbortError and Dexie rejects with those
 * (a BulkError of AbortErrors); the reason is only on the transaction's `error`. It is
 * attached as `cause` so that {@link isQuotaExceeded} sees it.
 */
export function withTransactionCause(error: unknown, transaction: IDBTransaction | undefined): unknown {
  const reason = transaction?.error;
  if (reason && error instanceof Error && error.cause === undefined && error !== reason) {
    Object.defineProperty(error, 'cause', { value: reason, configurable: true, writable: true });
  }
  return error;
}
