import type { PageMention } from './mention-index';

/**
 * Lets the top frame count the names found in its same-origin frames ("on this page").
 * Each frame's copy of Backstory publishes a reader of its mentions on its own global,
 * in the extension's isolated world; the top frame's copy reads it through
 * `window.frames`. A page's scripts see neither: in Chromium a frame reached from an
 * isolated world shows that world's globals, not the page's. Where an engine keeps
 * content-script globals apart per frame (Firefox's Xray wrappers), the property is
 * simply not there and only the top frame's own names are counted.
 */

const READER_KEY = 'backstoryFrameMentions';
/** Frames looked into at most (nested ones included): a page of a thousand ad frames stays cheap. */
const MAX_FRAMES = 64;

type Reader = () => readonly PageMention[];

/** Publishes this frame's mentions to the top frame. */
export function publishFrameMentions(read: Reader): void {
  Object.defineProperty(window, READER_KEY, { value: read, configurable: true });
}

/** The mentions found by Backstory in the same-origin frames under `root` (nested ones too). */
export function mentionsInFrames(root: Window = window): PageMention[] {
  const found: PageMention[] = [];
  const pending: Window[] = [root];
  let visited = 0;
  while (pending.length > 0 && visited < MAX_FRAMES) {
    const current = pending.shift()!;
    for (let i = 0; i < current.frames.length && visited < MAX_FRAMES; i++) {
      visited++;
      try {
        const frame = current.frames[i]!;
        const read = (frame as unknown as Record<string, unknown>)[READER_KEY];
        if (typeof read === 'function') found.push(...(read as Reader)());
        pending.push(frame);
      } catch {
        // A cross-origin frame: not ours to read.
      }
    }
  }
  return found;
}
