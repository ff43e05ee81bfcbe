import { browser } from 'wxt/browser';
import { type Handlers, routeMessage } from '../../lib/messages/router';
import { senderTrust } from './sender-trust';

/**
 * Answers every runtime message through the router's door: the sender's trust comes from
 * the browser's own sender record, the site (for site-scoped handlers) from its tab and frame (and the frame for the card's code), whether it is private from its tab.
 */
export function listenForMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender) =>
    routeMessage(handlers, message, { trust: senderTrust(sender), tabId: sender.tab?.id, frameUrl: sender.url, frameOrigin: sender.origin, incognito: sender.tab?.incognito, frameId: sender.frameId }),
  );
}
