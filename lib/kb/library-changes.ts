/**
 * How a change to the library is announced: every context that writes (extension
 * pages, the import worker, the background) posts on one BroadcastChannel of the
 * extension's origin. A channel rather than `browser.runtime` because the import worker
 * has no `browser.runtime`; the background and open extension pages listen
 * (docs/architecture.md, "Write path").
 */

/** The channel's name; one per extension origin, so no other site can post on it. */
const LIBRARY_CHANNEL = 'backstory-library-changes';

/** What a committed write announces. */
export interface LibraryChange {
  type: 'library.changed';
  /** The revision the write committed (lib/db/revision.ts). */
  revision: number;
}

/**
 * Announces a committed write. Never throws: the write stands whatever happens to its
 * announcement, and the background catches up from the stored revision when it wakes.
 */
export function announceLibraryChange(revision: number): boolean {
  try {
    const channel = new BroadcastChannel(LIBRARY_CHANNEL);
    // A BroadcastChannel reaches only its own origin: there is no target origin to give.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    channel.postMessage({ type: 'library.changed', revision } satisfies LibraryChange);
    channel.close();
    return true;
  } catch (error) {
    console.warn('Backstory: the library changed but could not say so', error);
    return false;
  }
}

/** Calls `onChange` for each change announced by another channel object (any context). Returns a stop function. */
export function listenForLibraryChanges(onChange: (change: LibraryChange) => void): () => void {
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const change = event.data as Partial<LibraryChange> | null;
    if (change?.type === 'library.changed' && Number.isSafeInteger(change.revision)) onChange({ type: 'library.changed', revision: change.revision! });
  });
  return () => channel.close();
}
