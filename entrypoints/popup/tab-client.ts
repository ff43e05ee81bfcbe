import { browser } from 'wxt/browser';
import { MessageError, type Reply, type TabProtocolMap } from '../../lib/messages/protocol';
import { targetTabId } from './target-tab';

type TabMessage = keyof TabProtocolMap;

/** Asks our content script in one tab; replies are `{ ok, result }` like every Backstory message. */
export async function askTab<T extends TabMessage>(
  tabId: number,
  type: T,
  payload: TabProtocolMap[T]['request'],
): Promise<TabProtocolMap[T]['response']> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, payload })) as Reply<TabProtocolMap[T]['response']> | undefined;
  if (!reply) throw new MessageError('internal', `No reply to ${type}`);
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.result;
}

/** The tab the popup is about (see target-tab.ts) and its URL, when the extension may read it (activeTab). */
export async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  const id = await targetTabId();
  if (id === undefined) return undefined;
  const tab = await browser.tabs.get(id).catch(() => undefined);
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}
