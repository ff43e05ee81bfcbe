import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyPopover } from '../../../entrypoints/content/lazy-popover';
import type { PopoverCallbacks } from '../../../entrypoints/content/popover-host';
import { CARD_SCRIPT_GLOBAL } from '../../../lib/extension/card-script';

/** Stands in for the card script's PopoverHost: records what it is asked to do. */
class FakeHost {
  static made: FakeHost[] = [];
  calls: string[] = [];
  open = false;
  constructor(
    _callbacks: PopoverCallbacks,
    _site: string | undefined,
    readonly host: HTMLElement,
  ) {
    FakeHost.made.push(this);
  }
  get isOpen() {
    return this.open;
  }
  prepare() {
    this.calls.push('prepare');
  }
  show(content: { status: string }, _anchor: unknown, options: { pinned?: boolean }) {
    this.open = true;
    this.calls.push(`show ${content.status}${options.pinned ? ' pinned' : ''}`);
  }
  update(content: { status: string }) {
    this.calls.push(`update ${content.status}`);
  }
  focus(selector?: string) {
    this.calls.push(`focus ${selector ?? 'dialog'}`);
  }
  hide() {
    this.open = false;
    this.calls.push('hide');
  }
}

const anchor = { rect: () => new DOMRect() };
const loading = { status: 'loading', name: 'Putin' } as const;

function lazyPopover(inject: () => Promise<unknown>, onLoadFailed = vi.fn()) {
  const popover = new LazyPopover({ callbacks: {} as PopoverCallbacks, site: 'example.org', injectCardScript: inject, onLoadFailed });
  return { popover, onLoadFailed };
}

/** Resolves like the background's `card.load`: the card script has run and left its exports. */
async function cardScriptRuns(): Promise<unknown> {
  (globalThis as Record<string, unknown>)[CARD_SCRIPT_GLOBAL] = { PopoverHost: FakeHost };
  return { loaded: true };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CARD_SCRIPT_GLOBAL];
  FakeHost.made = [];
});

describe('the popover whose code loads on first use', () => {
  it('asks for the card script once, when the pointer first lands on a name, and not before', async () => {
    const inject = vi.fn(cardScriptRuns);
    const { popover } = lazyPopover(inject);
    expect(inject).not.toHaveBeenCalled();
    expect(popover.host.isConnected).toBe(false);
    popover.prepare(undefined);
    popover.prepare(undefined);
    await vi.waitFor(() => expect(FakeHost.made).toHaveLength(1));
    expect(inject).toHaveBeenCalledTimes(1);
    expect(FakeHost.made[0]!.host).toBe(popover.host);
  });

  it('shows a card asked for before the code was in, as the controller left it: content, pinned, focus', async () => {
    const { popover } = lazyPopover(cardScriptRuns);
    popover.show(loading, anchor);
    expect(popover.isOpen).toBe(true);
    popover.update({ status: 'error', message: 'gone' });
    popover.setPinned(true);
    popover.focus();
    await vi.waitFor(() => expect(FakeHost.made).toHaveLength(1));
    expect(FakeHost.made[0]!.calls).toEqual(['show error pinned', 'focus dialog']);
    popover.update({ status: 'error', message: 'again' });
    expect(FakeHost.made[0]!.calls.at(-1)).toBe('update error');
  });

  it('shows nothing when the card was closed before the code came', async () => {
    const { popover } = lazyPopover(cardScriptRuns);
    popover.show(loading, anchor);
    popover.hide();
    expect(popover.isOpen).toBe(false);
    await vi.waitFor(() => expect(FakeHost.made).toHaveLength(1));
    expect(FakeHost.made[0]!.calls).toEqual([]);
    expect(popover.isOpen).toBe(false);
  });

  it('says so when the code cannot be loaded, and tries again on the next hover', async () => {
    const inject = vi.fn().mockRejectedValueOnce(new Error('Extension context invalidated')).mockImplementation(cardScriptRuns);
    const { popover, onLoadFailed } = lazyPopover(inject);
    popover.show(loading, anchor);
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledTimes(1));
    expect(popover.isOpen).toBe(false);
    popover.show(loading, anchor);
    await vi.waitFor(() => expect(FakeHost.made).toHaveLength(1));
    expect(FakeHost.made[0]!.calls).toEqual(['show loading']);
  });
});
