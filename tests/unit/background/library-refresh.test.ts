import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLibraryRefresh } from '../../../entrypoints/background/library-refresh';
import type { MatcherCache } from '../../../lib/kb/matcher-cache';

/** A library at `revision`, with the background's derived data as spies. */
function background(revision: { current: number }) {
  const matchers = { get: vi.fn(async () => ({ revision: revision.current })) } as unknown as MatcherCache;
  const search = { search: vi.fn(), refresh: vi.fn(async () => undefined), flush: vi.fn(async () => undefined) };
  return { library: createLibraryRefresh({ matchers, search, ready: Promise.resolve() }), search };
}

describe('the background following library changes', () => {
  let told: unknown[];
  beforeEach(async () => {
    fakeBrowser.reset();
    // One open tab to tell.
    vi.spyOn(browser.tabs, 'query').mockImplementation((async () => [{ id: 1 }]) as unknown as typeof browser.tabs.query);
    told = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, event: unknown) => {
      told.push(event);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('tells tabs and re-indexes once per revision, however many times the change is announced', async () => {
    const revision = { current: 3 };
    const { library, search } = background(revision);
    await library.refresh();
    await library.refresh(); // the same change from the channel and from a page's relay
    expect(told).toEqual([{ type: 'kb.revision', payload: { revision: 3 } }]);
    expect(search.refresh).toHaveBeenCalledOnce();

    revision.current = 4;
    await library.refresh();
    await library.refresh({ force: true }); // hidden entity types changed: same revision, new matcher
    expect(told).toEqual([
      { type: 'kb.revision', payload: { revision: 3 } },
      { type: 'kb.revision', payload: { revision: 4 } },
      { type: 'kb.revision', payload: { revision: 4 } },
    ]);
  });

  it('catches up when it wakes after a change whose announcement it missed', async () => {
    const revision = { current: 5 };
    await background(revision).library.refresh(); // told tabs about 5, then the worker slept
    told = [];
    revision.current = 6; // written while it slept; the announcement was lost
    const woken = background(revision);
    await woken.library.catchUp();
    expect(told).toEqual([{ type: 'kb.revision', payload: { revision: 6 } }]);
    expect(woken.search.refresh).toHaveBeenCalledOnce();
  });

  it('does not make tabs rescan when it wakes with nothing missed', async () => {
    const revision = { current: 5 };
    await background(revision).library.refresh();
    told = [];
    await background(revision).library.catchUp();
    expect(told).toEqual([]);
  });
});
