import { browser } from 'wxt/browser';
import { base64ToBytes } from '../../lib/text/base64';
import { BACKUP_BLOB_URL, REVOKE_BLOB_URL } from './blob-messages';

// Chromium's offscreen document for automatic backups (entrypoints/background/backup-url.ts):
// a service worker cannot make a blob URL, this extension page can.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Only the service worker (no tab, this extension) asks; everything else is left to other listeners.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const request = message as { type?: unknown; base64?: unknown; url?: unknown };
  if (request?.type === BACKUP_BLOB_URL && typeof request.base64 === 'string') {
    const blob = new Blob([base64ToBytes(request.base64) as BlobPart], { type: 'application/gzip' });
    return Promise.resolve({ url: URL.createObjectURL(blob) });
  }
  if (request?.type === REVOKE_BLOB_URL && typeof request.url === 'string' && request.url.startsWith('blob:')) {
    URL.revokeObjectURL(request.url);
    return Promise.resolve({ revoked: true });
  }
  return undefined;
});
