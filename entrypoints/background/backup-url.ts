import { browser } from 'wxt/browser';
import { BACKUP_BLOB_URL, REVOKE_BLOB_URL } from '../../lib/messages/offscreen-messages';
import { holdOffscreenDocument } from './offscreen-document';

/**
 * A URL the downloads API can save the backup's bytes from. Firefox's background page
 * has `URL.createObjectURL`; Chromium's service worker has not, and a data: URL is no
 * way out: Chromium caps URLs at 2 MiB, and an automatic backup of 5,000 saved articles
 * is larger (docs/benchmarks.md). So there an offscreen document (reason BLOBS) makes
 * the blob URL, and keeps it alive until the download is done.
 */
export async function backupUrl(base64: string, bytes: Uint8Array): Promise<{ url: string; release(): Promise<void> }> {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/gzip' }));
    return { url, release: async () => URL.revokeObjectURL(url) };
  }
  const releaseDocument = await holdOffscreenDocument();
  const reply = (await browser.runtime.sendMessage({ type: BACKUP_BLOB_URL, base64 }).catch(async (error: unknown) => {
    await releaseDocument();
    throw error;
  })) as { url?: string } | undefined;
  if (!reply?.url) {
    await releaseDocument();
    throw new Error('The offscreen document made no URL for the backup');
  }
  const url = reply.url;
  return {
    url,
    async release() {
      await browser.runtime.sendMessage({ type: REVOKE_BLOB_URL, url }).catch(() => undefined);
      await releaseDocument();
    },
  };
}
