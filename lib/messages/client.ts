import { type ChannelClient, createChannelClient, type Transport } from './channel';
import type { BackgroundMessages } from './protocol';

export type MessageClient = ChannelClient<BackgroundMessages>;

/** A typed client for the background's messages over a transport (`browser.runtime.sendMessage`). */
export function createMessageClient(transport: Transport): MessageClient {
  return createChannelClient<BackgroundMessages>(transport);
}
