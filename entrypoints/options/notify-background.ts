import { browser } from 'wxt/browser';
import { createMessageClient } from '../../lib/messages/client';

/** Tells the background the knowledge base changed, so it recompiles and open tabs rescan. */
export async function notifyBackground(): Promise<void> {
  const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
  await client.send('kb.changed', {}).catch((error: unknown) => console.warn('Backstory: the background did not answer kb.changed', error));
}
