import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { announceLibraryChange } from '../../../lib/kb/library-changes';
import { relayLibraryChanges } from '../../../utils/relay-library-changes';

/** Long enough for a BroadcastChannel message and the relay's reply to arrive. */
const DELIVERY_MS = 50;
const settle = () => new Promise((resolve) => setTimeout(resolve, DELIVERY_MS));

/**
 * An extension page passes each announced change (its own, or its import worker's) to
 * the background, which may be stopped at any moment. The write has committed by then:
 * a relay that fails must be logged, never thrown or left as an unhandled rejection.
 */
describe('relaying library changes to the background', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends kb.changed for a change announced on the channel', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, result: { revision: 2 } })) as unknown as typeof browser.runtime.sendMessage);
    const stop = relayLibraryChanges();
    announceLibraryChange(2);
    await settle();
    stop();
    expect(send).toHaveBeenCalledWith({ type: 'kb.changed', payload: {} });
  });

  it('logs, and never throws, when the background is gone', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = relayLibraryChanges();
    announceLibraryChange(3);
    await settle();
    stop();
    expect(warn).toHaveBeenCalledOnce();
  });
});
