import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../../lib/kb/entity-card';
import { HoverController } from '../../../entrypoints/content/hover-controller';
import { MentionIndex } from '../../../entrypoints/content/mention-index';
import type { MentionMarks } from '../../../entrypoints/content/mention-marks';
import type { Popover } from '../../../entrypoints/content/lazy-popover';
import { collectTextBlocks } from '../../../entrypoints/content/text-blocks';

// Hit-testing needs layout, which happy-dom has not: the point (x, y) hits character x of the first text node.
vi.mock('../../../entrypoints/content/hit-test', () => ({
  caretAt: (x: number) => ({ node: document.body.querySelector('p')!.firstChild!, offset: x }),
  rectUnderPoint: () => ({}) as DOMRect,
}));

/** The popover, as the controller drives it. */
function fakePopover() {
  const state = { open: false, pinned: false, shown: [] as string[] };
  const popover = {
    get isOpen() {
      return state.open;
    },
    contains: (event: Event) => (event as unknown as { onPopover?: boolean }).onPopover === true,
    prepare: () => undefined,
    show: (content: { status: string; name?: string }, _anchor: unknown, options: { pinned?: boolean } = {}) => {
      state.open = true;
      state.pinned = options.pinned ?? false;
      state.shown.push(content.name ?? content.status);
    },
    update: () => undefined,
    setPinned: (pinned: boolean) => {
      state.pinned = pinned;
    },
    hide: () => {
      state.open = false;
      state.pinned = false;
    },
    focus: () => undefined,
    hasFocus: () => false,
    dispose: () => undefined,
  };
  return { popover: popover as unknown as Popover, state };
}

const marks = { setActive: () => undefined, setFocus: () => undefined } as unknown as MentionMarks;

/** A pointer event as the browser gives it (the user's own input unless `isTrusted` is false). */
function pointer(x: number, init: { isTrusted?: boolean; onPopover?: boolean } = {}): PointerEvent {
  return { clientX: x, clientY: 5, pointerType: 'mouse', isTrusted: init.isTrusted ?? true, onPopover: init.onPopover } as unknown as PointerEvent;
}

describe('HoverController', () => {
  let loadCards: ReturnType<typeof vi.fn<(keys: readonly string[]) => Promise<EntityCard[]>>>;
  let controller: HoverController;
  let state: ReturnType<typeof fakePopover>['state'];

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Ask Belarus today.</p>';
    const [block] = collectTextBlocks(document.body);
    const index = new MentionIndex();
    index.add(block!, [{ start: 4, end: 11, entityKeys: ['belarus'] }]);
    loadCards = vi.fn(async () => [{ key: 'belarus', name: 'Belarus' } as EntityCard]);
    const fake = fakePopover();
    state = fake.state;
    controller = new HoverController({ index, marks, popover: fake.popover, loadCards, hoverDelayMs: () => 250, shadowRoots: () => [] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens after the hover delay, unpinned, and asks for the cards as soon as the pointer lands', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(20);
    expect(loadCards).toHaveBeenCalledWith(['belarus']);
    expect(state.open).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(state).toMatchObject({ open: true, pinned: false, shown: ['Belarus'] });
  });

  it('closes an unpinned card when the pointer leaves the name', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.onPointerMove(pointer(1));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.open).toBe(false);
  });

  it('the pointer leaving a card that Esc just removed does not close the next card before it opens', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    expect(controller.onEscape()).toBe(true);
    // The browser reports the pointer leaving the removed card after it is gone.
    controller.onPopoverPointerLeave();
    controller.onPointerMove(pointer(1));
    await vi.advanceTimersByTimeAsync(100);
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(600);
    expect(state.open).toBe(true);
    expect(state.shown).toEqual(['Belarus', 'Belarus']);
  });

  it('a click on a name before its card has appeared opens it pinned at once, and the pending hover does not reopen it unpinned', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(20);
    controller.onPointerDown(pointer(6));
    expect(state).toMatchObject({ open: true, pinned: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.shown).toEqual(['Belarus']);
    controller.onPointerMove(pointer(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.open).toBe(true);
  });

  it('a click without any hover (a tap) opens the card pinned; a click elsewhere closes it', async () => {
    controller.onPointerDown(pointer(6));
    expect(state).toMatchObject({ open: true, pinned: true });
    controller.onPointerDown(pointer(1));
    expect(state.open).toBe(false);
  });

  it('a click on the card pins it', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.onPointerDown(pointer(300, { onPopover: true }));
    expect(state.pinned).toBe(true);
  });

  it("a page's synthetic events open, pin and fetch nothing", async () => {
    controller.onPointerMove(pointer(6, { isTrusted: false }));
    controller.onPointerDown(pointer(6, { isTrusted: false }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(loadCards).not.toHaveBeenCalled();
    expect(state.open).toBe(false);
    // And an open card is neither pinned nor closed by them.
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.onPointerDown(pointer(6, { isTrusted: false }));
    controller.onHostDocumentPointerDown(pointer(600, { isTrusted: false }));
    expect(state).toMatchObject({ open: true, pinned: false });
  });

  it('a press in the top document (a frame card shown there) pins on the card and closes elsewhere', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.onHostDocumentPointerDown(pointer(600, { onPopover: true }));
    expect(state.pinned).toBe(true);
    controller.onHostDocumentPointerDown(pointer(600));
    expect(state.open).toBe(false);
  });

  it('the pointer moving in the top document (off this frame) closes an unpinned frame card, but not while on the card', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.onHostDocumentPointerMove(pointer(600, { onPopover: true }));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.open).toBe(true);
    controller.onHostDocumentPointerMove(pointer(600, { isTrusted: false }));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.open).toBe(true);
    controller.onHostDocumentPointerMove(pointer(600));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.open).toBe(false);
  });

  it('keeps recent cards for re-hovers and forgets them when the library changes', async () => {
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    controller.close();
    controller.onPointerMove(pointer(7));
    await vi.advanceTimersByTimeAsync(300);
    expect(loadCards).toHaveBeenCalledTimes(1);
    controller.close();
    controller.clearCache();
    controller.onPointerMove(pointer(1));
    await vi.advanceTimersByTimeAsync(50);
    controller.onPointerMove(pointer(6));
    await vi.advanceTimersByTimeAsync(300);
    expect(loadCards).toHaveBeenCalledTimes(2);
  });
});
