import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { notifyBackground } from '../../../entrypoints/options/notify-background';

/**
 * The background can be stopped at any moment (a service worker), including while an
 * extension page tells it about a finished write. The write has happened by then: the
 * notice failing must not turn into a failed import or an unhandled rejection.
 */
describe('notifyBackground when the background is gone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('resolves and logs, never throws', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(notifyBackground()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});
