import { browser } from 'wxt/browser';
import { articleTextOfHtml } from '../../lib/extract/article-text';
import { BACKUP_BLOB_URL, READ_ARTICLE_TEXT, REVOKE_BLOB_URL } from '../../lib/messages/offscreen-messages';
import { base64ToBytes } from '../../lib/text/base64';

// Chromium's offscreen document (entrypoints/background/offscreen-document.ts): the service
// worker has neither URL.createObjectURL (automatic backups) nor DOMParser (full articles of
// feeds); this extension page has both. One document serves both jobs, as Chrome allows one.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Only the service worker (no tab, this extension) asks; everything else is left to other listeners.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const request = message as { type?: unknown; base64?: unknown; url?: unknown; html?: unknown };
  if (request?.type === BACKUP_BLOB_URL && typeof request.base64 === 'string') {
    const blob = new Blob([base64ToBytes(request.base64) as BlobPart], { type: 'application/gzip' });
    return Promise.resolve({ url: URL.createObjectURL(blob) });
  }
  if (request?.type === REVOKE_BLOB_URL && typeof request.url === 'string' && request.url.startsWith('blob:')) {
    URL.revokeObjectURL(request.url);
    return Promise.resolve({ revoked: true });
  }
  if (request?.type === READ_ARTICLE_TEXT && typeof request.html === 'string' && typeof request.url === 'string') {
    return Promise.resolve({ text: articleTextOfHtml(request.html, request.url, new DOMParser()) ?? null });
  }
  return undefined;
});
