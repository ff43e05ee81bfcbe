import { browser } from 'wxt/browser';
import { type Handlers, routeMessage } from '../../lib/messages/router';
import { senderTrust } from './sender-trust';

/**
 * Answers every runtime message through the router's door: the sender's trust comes from
 * the browser's own sender record, the tab and frame (for site-scoped handlers, and the card's code) from its tab.
 */
export function listenForMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(handlers, message, { trust: senderTrust(sender), tabId: sender.tab?.id, frameId: sender.frameId }));
}
