import { MAX_PACK_BYTES, formatByteSize } from '../../../lib/pack/limits';
import type { OuterFailure } from './import-messages';

export type DownloadResult =
  | { ok: true; bytes: Uint8Array }
  | OuterFailure
  | { ok: false; code: 'too-large'; message: string; issues: []; total: 0 };

/**
 * Downloads a pack the user asked for, reporting bytes as they arrive. Sends no
 * cookies. A network or CORS failure is 'download-failed' (the caller may then ask for
 * access to the host and try again).
 */
export async function downloadPack(url: string, onProgress: (done: number, total?: number) => void): Promise<DownloadResult> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
  } catch {
    return { ok: false, code: 'download-failed', host, issues: [], total: 0 };
  }
  if (!response.ok) return { ok: false, code: 'http-error', status: response.status, statusText: response.statusText, issues: [], total: 0 };
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const tooLarge: DownloadResult = {
    ok: false,
    code: 'too-large',
    message: `The pack is larger than ${formatByteSize(MAX_PACK_BYTES)}, the most Backstory can import.`,
    issues: [],
    total: 0,
  };
  if (total !== undefined && total > MAX_PACK_BYTES) return tooLarge;
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  const chunks: Uint8Array[] = [];
  let done = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      done += next.value.length;
      if (done > MAX_PACK_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      onProgress(done, total);
    }
  } catch {
    return { ok: false, code: 'download-failed', host, issues: [], total: 0 };
  }
  const bytes = new Uint8Array(done);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

/** The host permission pattern that lets the extension download from `url`'s origin. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
