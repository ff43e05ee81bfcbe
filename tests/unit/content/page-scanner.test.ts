import { describe, expect, it, vi } from 'vitest';
import type { ScannedMention } from '../../../lib/messages/protocol';
import type { HighlightPainter } from '../../../entrypoints/content/highlight-painter';
import { MentionIndex } from '../../../entrypoints/content/mention-index';
import { PageScanner } from '../../../entrypoints/content/page-scanner';

/** The background's matcher, reduced to finding these names by plain search. */
function fakeScan(names: readonly string[]) {
  return vi.fn(async (texts: string[]): Promise<ScannedMention[][]> =>
    texts.map((text) => {
      const found: ScannedMention[] = [];
      for (const name of names) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) found.push({ start: at, end: at + name.length, entityKeys: [name.toLowerCase()] });
      }
      return found.sort((a, b) => a.start - b.start);
    }),
  );
}

function fakePainter() {
  const painted = new Set<Range>();
  const painter = {
    add: (ranges: Iterable<Range>) => { for (const r of ranges) painted.add(r); },
    remove: (ranges: Iterable<Range>) => { for (const r of ranges) painted.delete(r); },
    clear: () => painted.clear(),
    styleShadowRoot: () => undefined,
  };
  return { painter: painter as unknown as HighlightPainter, painted: () => [...painted].map((r) => r.toString()).sort() };
}

function setup(html: string, names = ['Russia', 'Putin', 'Belarus']) {
  document.body.innerHTML = html;
  const index = new MentionIndex();
  const { painter, painted } = fakePainter();
  const scan = fakeScan(names);
  const shadowRoots: ShadowRoot[] = [];
  const scanner = new PageScanner({ index, painter, scan, ownHosts: [], scanCodeBlocks: () => false, onShadowRoot: (r) => shadowRoots.push(r) });
  return { index, scanner, scan, painted, shadowRoots };
}

describe('PageScanner', () => {
  it('sends the page text as blocks and paints what the background found, mapped to the DOM', async () => {
    const { scanner, scan, painted, index } = setup('<p><a>Putin</a> <b>met</b> reporters.</p><p>Russia<br>Belarus</p>');
    expect(await scanner.rescan()).toBe(3);
    expect(scan.mock.calls.flat(1).flat()).toEqual(['Putin met reporters.', 'Russia', 'Belarus']);
    expect(painted()).toEqual(['Belarus', 'Putin', 'Russia']);
    expect(index.inOrder().map((m) => m.text)).toEqual(['Putin', 'Russia', 'Belarus']);
  });

  it("reads the page only after its next frame: a page still laying itself out does so in its own frame, not in our first read", async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      const { scanner, scan } = setup('<p>Putin</p>');
      const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect');
      const done = scanner.rescan();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rect).not.toHaveBeenCalled();
      expect(scan).not.toHaveBeenCalled();
      expect(frames).toHaveLength(1);
      frames[0]!(performance.now());
      expect(await done).toBe(1);
      rect.mockRestore();
    } finally {
      raf.mockRestore();
    }
  });

  it('scans open shadow roots after the page, and reports each one', async () => {
    const { scanner, painted, shadowRoots } = setup('<p>Russia</p><div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Belarus</p>';
    await scanner.rescan();
    expect(shadowRoots).toEqual([shadow]);
    expect(painted()).toEqual(['Belarus', 'Russia']);
  });

  it('rescans only the changed roots, and drops mentions whose text left the page', async () => {
    const { scanner, painted } = setup('<p id="a">Russia</p><p id="b">Putin</p>');
    await scanner.rescan();
    const b = document.getElementById('b')!;
    b.textContent = 'Belarus'; // The old text node leaves, a new one comes (as the DOM watcher reports it).
    scanner.pruneDisconnected();
    await scanner.rescanRoots([b]);
    expect(painted()).toEqual(['Belarus', 'Russia']);
    document.getElementById('a')!.remove();
    scanner.pruneDisconnected();
    expect(painted()).toEqual(['Belarus']);
  });

  it('a rescan keeps what is painted until its first answer is in (no blank page meanwhile), then shows what it found', async () => {
    const { scanner, scan, painted, index } = setup('<p>Russia and Belarus</p>');
    await scanner.rescan();
    let answer!: (found: ScannedMention[][]) => void;
    scan.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const running = scanner.rescan();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(painted()).toEqual(['Belarus', 'Russia']);
    expect(index.size).toBe(2);
    answer([[{ start: 0, end: 6, entityKeys: ['russia'] }]]);
    await running;
    expect(painted()).toEqual(['Russia']);
    expect(index.inOrder().map((m) => m.text)).toEqual(['Russia']);
  });

  it('a cancelled (superseded) scan paints nothing', async () => {
    const { scanner, painted } = setup('<p>Russia</p>');
    const running = scanner.rescan();
    scanner.cancel();
    await running;
    expect(painted()).toEqual([]);
  });

  it('stops at the highlight cap', async () => {
    const { scanner, index } = setup(Array.from({ length: 30 }, () => '<p>Russia and Belarus</p>').join(''));
    index.cap = 7;
    await scanner.rescan();
    expect(index.size).toBe(7);
  });
});
