import { browser } from 'wxt/browser';
import { createChannelClient } from '../../lib/messages/channel';
import type { TabEventPayload, TabEvents } from '../../lib/messages/protocol';

type TabEvent = Extract<keyof TabEvents, string>;

/**
 * Sends a declared event (lib/messages/protocol.ts TAB_EVENTS) to one tab: every frame,
 * or only `frameId`. Never throws: a page without Backstory's script (chrome://, a
 * disabled site) simply does not answer.
 */
export async function emitToTab<T extends TabEvent>(tabId: number, type: T, payload: TabEventPayload<T>, frameId?: number): Promise<void> {
  const client = createChannelClient<TabEvents>((envelope) =>
    frameId === undefined ? browser.tabs.sendMessage(tabId, envelope) : browser.tabs.sendMessage(tabId, envelope, { frameId }),
  );
  await client.send(type, payload).catch(() => undefined);
}

/** Sends a declared event to every tab. */
export async function emitToTabs<T extends TabEvent>(type: T, payload: TabEventPayload<T>): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : emitToTab(tab.id, type, payload))));
}
