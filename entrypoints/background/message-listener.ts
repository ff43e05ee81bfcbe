import { browser } from 'wxt/browser';
import { type Handlers, routeMessage } from '../../lib/messages/router';
import { senderTrust } from './sender-trust';

/**
 * Answers every runtime message through the router's door: the sender's trust comes from
 * the browser's own sender record, the tab (for site-scoped handlers) and whether it is private from its tab.
 */
export function listenForMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(handlers, message, { trust: senderTrust(sender), tabId: sender.tab?.id, incognito: sender.tab?.incognito }));
}
