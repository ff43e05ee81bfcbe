/**
 * Reads an HTTP answer's body as a stream, stopping as soon as it passes a size cap, so
 * that a huge or endless answer never fills memory. One reader for every download of a
 * pack: the ones the user starts and the daily update check.
 */
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

export interface ReadCappedOptions {
  onProgress?: (done: number) => void;
  /** Stops the read: it then throws the signal's reason (a time limit's TimeoutError). */
  signal?: AbortSignal;
}

export async function readCappedBody(response: Response, maxBytes: number, { onProgress, signal }: ReadCappedOptions = {}): Promise<CappedBody> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel();
    return { ok: false, tooLarge: true };
  }
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array() };
  // Cancelling makes a pending read end at once; the reason is thrown below.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    signal?.throwIfAborted();
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
    done += next.value.length;
    if (done > maxBytes) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    onProgress?.(done);
  }
  signal?.removeEventListener('abort', stop);
  signal?.throwIfAborted();
  const bytes = new Uint8Array(done);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}
