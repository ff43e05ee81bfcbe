import { browser } from 'wxt/browser';
import { listenForLibraryChanges } from '../lib/kb/library-changes';
import { createMessageClient } from '../lib/messages/client';

/**
 * In an extension page that writes (options, save): passes each library change
 * announced on the channel (by this page or by its import worker) to the background as
 * `kb.changed`. A runtime message wakes a sleeping service worker, which a
 * BroadcastChannel post does not. Failure is only logged: the write has committed, and
 * the background catches up from the stored revision when it wakes.
 */
export function relayLibraryChanges(): () => void {
  const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
  return listenForLibraryChanges(() => {
    client
      .send('kb.changed', {})
      // Lets `npm run bench:import` time when highlighting is ready.
      .then(() => performance.mark('backstory:kb-changed-acknowledged'))
      .catch((error: unknown) => console.warn('Backstory: the background did not answer kb.changed', error));
  });
}
