import { browser } from 'wxt/browser';
import { createChannelClient, type PayloadOf, type ResponseOf } from '../../lib/messages/channel';
import type { TabMessages } from '../../lib/messages/protocol';
import { targetTabId } from './target-tab';

type TabMessage = Extract<keyof TabMessages, string>;

/** Asks our content script in the top frame of one tab (lib/messages/protocol.ts TAB_MESSAGES). */
export function askTab<T extends TabMessage>(tabId: number, type: T, payload: PayloadOf<TabMessages, T>): Promise<ResponseOf<TabMessages, T>> {
  return createChannelClient<TabMessages>((envelope) => browser.tabs.sendMessage(tabId, envelope)).send(type, payload);
}

/** The tab the popup is about (see target-tab.ts) and its URL, when the extension may read it (activeTab). */
export async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  const id = await targetTabId();
  if (id === undefined) return undefined;
  const tab = await browser.tabs.get(id).catch(() => undefined);
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}
