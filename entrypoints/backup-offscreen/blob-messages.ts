/**
 * The two requests the service worker sends its offscreen document
 * (entrypoints/background/backup-url.ts): the document only turns bytes into a blob URL
 * and lets it go again. Not part of lib/messages/protocol.ts: no page sends them, and
 * the document answers nothing else.
 */
export const BACKUP_BLOB_URL = 'offscreen.backup-url';
export const REVOKE_BLOB_URL = 'offscreen.revoke-url';
