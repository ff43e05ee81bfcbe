import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../../lib/kb/entity-card';
import { HoverController } from '../../../entrypoints/content/hover-controller';
import { MentionIndex } from '../../../entrypoints/content/mention-index';
import type { MentionMarks } from '../../../entrypoints/content/mention-marks';
import type { Popover } from '../../../entrypoints/content/lazy-popover';
import { collectTextBlocks } from '../../../entrypoints/content/text-blocks';

// Hit-testing needs layout, which happy-dom has not: the point (x, y) hits character x of the first text node.
vi.mock('../../../entrypoints/content/hit-test', () => ({
  caretAt: (x: number) => ({ node: document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode()!, offset: x }),
  rectUnderPoint: () => ({}) as DOMRect,
}));

/** The popover, as the controller drives it. */
function fakePopover() {
  const state = { open: false, pinned: false, focused: false, shown: [] as string[] };
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
      state.focused = false;
    },
    focus: () => {
      state.focused = true;
    },
    hasFocus: () => state.focused,
    dispose: () => undefined,
  };
  return { popover: popover as unknown as Popover, state };
}

const marks = { setActive: () => undefined, setFocus: () => undefined } as unknown as MentionMarks;

/** A pointer event as the browser gives it (the user's own input unless `isTrusted` is false). */
function pointer(x: number, init: { isTrusted?: boolean; onPopover?: boolean } = {}): PointerEvent {
  return { clientX: x, clientY: 5, pointerType: 'mouse', isTrusted: init.isTrusted ?? true, onPopover: init.onPopover } as unknown as PointerEvent;
}

/** A click as the browser reports it: a tap when `pointerType` is 'touch'; `detail` 0 when a key made it. */
function click(x: number, init: { pointerType?: string; isTrusted?: boolean; detail?: number; onPopover?: boolean } = {}) {
  return {
    clientX: x,
    clientY: 5,
    pointerType: init.pointerType ?? 'touch',
    isTrusted: init.isTrusted ?? true,
    detail: init.detail ?? 1,
    onPopover: init.onPopover,
    preventDefault: vi.fn(),
  } as unknown as MouseEvent & { preventDefault: ReturnType<typeof vi.fn> };
}

/** A controller over `html`, whose first text node holds one mention of Belarus at [start, start + 7). */
function setUp(html: string, start: number) {
  document.body.innerHTML = html;
  const [block] = collectTextBlocks(document.body);
  const index = new MentionIndex();
  index.add(block!, [{ start, end: start + 7, entityKeys: ['belarus'] }]);
  const loadCards = vi.fn(async () => [{ key: 'belarus', name: 'Belarus' } as EntityCard]);
  const fake = fakePopover();
  const markReturnedName = vi.fn();
  const controller = new HoverController({ index, marks, popover: fake.popover, loadCards, hoverDelayMs: () => 250, shadowRoots: () => [], markReturnedName });
  return { controller, state: fake.state, markReturnedName };
}

describe('HoverController under touch', () => {
  it('a press waits (it may start a scroll or a selection); the tap that follows opens the card pinned, with focus, and consumes nothing', () => {
    const { controller, state } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onPointerDown({ ...pointer(6), pointerType: 'touch' } as PointerEvent);
    expect(state.open).toBe(false);
    const tap = click(6);
    controller.onClick(tap);
    expect(state).toMatchObject({ open: true, pinned: true, focused: true });
    expect(tap.preventDefault).not.toHaveBeenCalled();
  });

  it('a touch press elsewhere does not close the card (it may be a scroll); a tap elsewhere does', () => {
    const { controller, state } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onClick(click(6));
    controller.onPointerDown({ ...pointer(1), pointerType: 'touch' } as PointerEvent);
    expect(state.open).toBe(true);
    const away = click(1);
    controller.onClick(away);
    expect(state.open).toBe(false);
    expect(away.preventDefault).not.toHaveBeenCalled();
  });

  it('a name in a link: the first tap opens the card and is consumed; the second closes it and lets the link be followed', () => {
    const { controller, state } = setUp('<p><a href="/story">Belarus</a> today.</p>', 0);
    const first = click(3);
    controller.onClick(first);
    expect(state.open).toBe(true);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    const second = click(3);
    controller.onClick(second);
    expect(state.open).toBe(false);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it("a page's synthetic tap, or a click made by a key, does nothing", () => {
    const { controller, state } = setUp('<p><a href="/story">Belarus</a> today.</p>', 0);
    const fake = click(3, { isTrusted: false });
    controller.onClick(fake);
    controller.onClick(click(3, { detail: 0 }));
    expect(state.open).toBe(false);
    expect(fake.preventDefault).not.toHaveBeenCalled();
  });

  it('a tap on the card is the card\'s own', () => {
    const { controller, state } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onClick(click(6));
    controller.onClick(click(300, { onPopover: true }));
    expect(state.open).toBe(true);
  });
});

describe('HoverController and focus', () => {
  it('a mouse press that opens a card moves focus into it on its click, not before (the press moves focus itself)', () => {
    const { controller, state } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onPointerDown(pointer(6));
    expect(state).toMatchObject({ open: true, focused: false });
    controller.onClick(click(6, { pointerType: 'mouse' }));
    expect(state.focused).toBe(true);
  });

  it('a click that did not open or pin a card leaves focus alone', () => {
    const { controller, state } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onPointerDown(pointer(1));
    controller.onClick(click(1, { pointerType: 'mouse' }));
    expect(state.focused).toBe(false);
  });

  it('Esc gives focus back to the link the name is in', () => {
    const { controller } = setUp('<p><a href="/story">Belarus</a> today.</p>', 0);
    const link = document.querySelector('a')!;
    link.focus(); // What the browser does on the press.
    controller.onClick(click(3));
    link.blur();
    expect(controller.onEscape()).toBe(true);
    expect(document.activeElement).toBe(link);
  });

  it('Esc on a card about a name in plain text gives the name the keyboard mark (nothing there takes focus)', () => {
    const { controller, markReturnedName } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onPointerDown(pointer(6));
    controller.onClick(click(6, { pointerType: 'mouse' }));
    controller.onEscape();
    expect(markReturnedName).toHaveBeenCalledWith(expect.objectContaining({ text: 'Belarus' }));
  });

  it('a card closed by a press elsewhere (focus already moved on) gives nothing back', () => {
    const { controller, state, markReturnedName } = setUp('<p>Ask Belarus today.</p>', 4);
    controller.onClick(click(6));
    state.focused = false; // The press elsewhere moved focus out of the card.
    controller.onClick(click(1));
    expect(markReturnedName).not.toHaveBeenCalled();
  });
});

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
    controller = new HoverController({ index, marks, popover: fake.popover, loadCards, hoverDelayMs: () => 250, shadowRoots: () => [], markReturnedName: () => undefined });
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
