/**
 * The requests the service worker sends Chromium's offscreen document
 * (entrypoints/offscreen/, opened by entrypoints/background/offscreen-document.ts): make
 * a blob URL of a backup and let it go again (reason BLOBS), and read an article page's
 * HTML into plain text (reason DOM_PARSER). Not part of lib/messages/protocol.ts: no
 * page sends them, and the document answers nothing else.
 */
export const BACKUP_BLOB_URL = 'offscreen.backup-url';
export const REVOKE_BLOB_URL = 'offscreen.revoke-url';
export const READ_ARTICLE_TEXT = 'offscreen.read-article-text';
