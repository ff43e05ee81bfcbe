import { browser, type Browser } from 'wxt/browser';
import type { SenderTrust } from '../../lib/messages/channel';

/** Extension pages are trusted to write; content scripts only to ask. */
export function senderTrust(sender: Browser.runtime.MessageSender): SenderTrust {
  if (sender.id !== browser.runtime.id) return 'foreign';
  const extensionOrigin = browser.runtime.getURL('/');
  if (sender.url?.startsWith(extensionOrigin) && !sender.frameId) return 'extension-page';
  return 'content-script';
}
