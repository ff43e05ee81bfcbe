import { describe, expect, it } from 'vitest';
import { mentionsInFrames, publishFrameMentions } from '../../../entrypoints/content/frame-mentions';
import type { PageMention } from '../../../entrypoints/content/mention-index';

const mention = (text: string) => ({ text, entityKeys: [text.toLowerCase()], range: new Range() }) as PageMention;

/** A window with child frames, as `window.frames` shows them (happy-dom loads no frame pages). */
function fakeWindow(frames: object[], published?: () => PageMention[]): Window {
  const win: Record<string, unknown> = { frames };
  if (published) win.backstoryFrameMentions = published;
  return win as unknown as Window;
}

describe('frame mentions', () => {
  it('reads what each same-origin frame published, nested frames too', () => {
    const nested = fakeWindow([], () => [mention('Belarus')]);
    const top = fakeWindow([fakeWindow([nested], () => [mention('Russia')]), fakeWindow([])]);
    expect(mentionsInFrames(top).map((m) => m.text)).toEqual(['Russia', 'Belarus']);
  });

  it('skips cross-origin frames (reading them throws) and frames without Backstory', () => {
    const crossOrigin = new Proxy({}, { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    const top = fakeWindow([crossOrigin, fakeWindow([]), fakeWindow([], () => [mention('Russia')])]);
    expect(mentionsInFrames(top).map((m) => m.text)).toEqual(['Russia']);
  });

  it('publishes a reader on this frame\'s own global, not enumerable', () => {
    publishFrameMentions(() => [mention('Astana')]);
    expect(Object.keys(window)).not.toContain('backstoryFrameMentions');
    const top = fakeWindow([window]);
    expect(mentionsInFrames(top).map((m) => m.text)).toContain('Astana');
  });
});
