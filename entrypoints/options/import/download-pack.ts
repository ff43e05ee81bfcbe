import { MAX_PACK_BYTES, formatByteSize } from '../../../lib/pack/limits';
import { readCappedBody } from '../../../lib/net/read-capped-body';
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
  try {
    const body = await readCappedBody(response, MAX_PACK_BYTES, { onProgress: (done) => onProgress(done, total) });
    return body.ok ? body : tooLarge;
  } catch {
    return { ok: false, code: 'download-failed', host, issues: [], total: 0 };
  }
}
