import { browser } from 'wxt/browser';
import { MessageError, type Reply, type TabProtocolMap } from '../../lib/messages/protocol';

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

/** The tab the popup is about: the active one, or `?tab=ID` when the popup is opened as a page (tests). */
export async function targetTab(search: string): Promise<{ id: number; url?: string } | undefined> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}
