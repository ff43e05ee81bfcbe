import { describe, expect, it, vi } from 'vitest';
import type { HoverController } from '../../../entrypoints/content/hover-controller';
import { KeyboardNav } from '../../../entrypoints/content/keyboard-nav';
import { MentionIndex, type PageMention } from '../../../entrypoints/content/mention-index';
import type { MentionMarks } from '../../../entrypoints/content/mention-marks';
import { collectTextBlocks } from '../../../entrypoints/content/text-blocks';

function setup() {
  document.body.innerHTML = '<p>Russia met Belarus and Russia.</p>';
  const [block] = collectTextBlocks(document.body);
  const index = new MentionIndex();
  index.add(block!, [
    { start: 0, end: 6, entityKeys: ['russia'] },
    { start: 11, end: 18, entityKeys: ['belarus'] },
    { start: 23, end: 29, entityKeys: ['russia'] },
  ]);
  const focusMarks: Array<Range | undefined> = [];
  const marks = { setFocus: (r: Range | undefined) => focusMarks.push(r), setActive: () => undefined } as unknown as MentionMarks;
  const opened: PageMention[] = [];
  let open = false;
  const hover = {
    get isOpen() {
      return open;
    },
    close: vi.fn(() => {
      open = false;
    }),
    onEscape: () => {
      const was = open;
      open = false;
      return was;
    },
    openFromKeyboard: (m: PageMention) => {
      opened.push(m);
      open = true;
    },
  } as unknown as HoverController;
  Element.prototype.scrollIntoView ??= () => undefined;
  return { nav: new KeyboardNav({ index, marks, hover }), focusMarks, opened, hover };
}

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra }) as KeyboardEvent;

describe('KeyboardNav', () => {
  it('steps forward and back through the mentions in reading order, wrapping around', () => {
    const { nav } = setup();
    expect(nav.step('next')?.text).toBe('Russia');
    expect(nav.step('next')?.text).toBe('Belarus');
    expect(nav.step('next')?.range.startOffset).toBe(23);
    expect(nav.step('next')?.range.startOffset).toBe(0);
    expect(nav.step('previous')?.range.startOffset).toBe(23);
  });

  it('Enter opens the marked mention, Esc closes the card, a second Esc clears the mark', () => {
    const { nav, opened, focusMarks } = setup();
    expect(nav.onKeyDown(key('Enter'))).toBe(false); // Nothing marked: Enter is the page's.
    nav.step('next');
    expect(nav.onKeyDown(key('Enter', { ctrlKey: true }))).toBe(false);
    expect(nav.onKeyDown(key('Enter'))).toBe(true);
    expect(opened.map((m) => m.text)).toEqual(['Russia']);
    expect(nav.onKeyDown(key('Escape'))).toBe(true);
    expect(nav.current).toBeDefined();
    expect(nav.onKeyDown(key('Escape'))).toBe(true);
    expect(nav.current).toBeUndefined();
    expect(focusMarks.at(-1)).toBeUndefined();
    expect(nav.onKeyDown(key('Escape'))).toBe(false);
  });

  it('leaves Enter alone while the user is typing in a field', () => {
    const { nav } = setup();
    nav.step('next');
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(nav.onKeyDown(key('Enter'))).toBe(false);
  });
});
