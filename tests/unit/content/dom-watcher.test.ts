import { afterEach, describe, expect, it } from 'vitest';
import { DomWatcher, type DomChanges } from '../../../entrypoints/content/dom-watcher';

/** Waits for the watcher's batch: its quiet time, then an idle callback. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('DomWatcher', () => {
  let watcher: DomWatcher | undefined;
  afterEach(() => watcher?.stop());

  function watch(html: string, ownHosts: Element[] = []) {
    document.body.innerHTML = html;
    const batches: DomChanges[] = [];
    watcher = new DomWatcher({ ownHosts, scanCodeBlocks: () => false, onChanges: async (c) => void batches.push(c) });
    watcher.start();
    return batches;
  }

  it('hands over added and changed text as the blocks to rescan, outermost only, in one batch', async () => {
    const batches = watch('<div id="feed"><p id="p">old <b>text</b></p></div>');
    const item = document.createElement('article');
    item.innerHTML = '<p>Breaking: Russia</p>';
    document.getElementById('feed')!.append(item);
    (document.querySelector('b')!.firstChild as Text).data = 'words';
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map((r) => r.id || r.tagName).sort()).toEqual(['ARTICLE', 'p']);
    expect(batches[0]!.everything).toBe(false);
  });

  it('notes removals, and rescans a block that lost an inline piece (what stays may read differently)', async () => {
    const batches = watch('<p id="p">Russia met <a>Putin</a></p><section id="s"><p>gone</p></section>');
    document.querySelector('a')!.remove();
    document.querySelector('#s p')!.remove();
    await settle();
    expect(batches[0]!.removed).toBe(true);
    expect(batches[0]!.roots.map((r) => r.id)).toEqual(['p']);
  });

  it('reads again what a click shows: an opened <details>, a panel losing [hidden], a tab whose class changes; not <body>, not empty elements', async () => {
    const batches = watch('<details id="d"><summary>More</summary><p>Tokayev in Astana</p></details><div id="h" hidden><p>Belarus</p></div><div id="t" class="tab"><p>Russia</p></div><span id="e"></span>');
    (document.getElementById('d') as HTMLDetailsElement).open = true;
    document.getElementById('h')!.hidden = false;
    document.getElementById('t')!.className = 'tab tab--active';
    document.getElementById('e')!.className = 'spinner';
    document.body.className = 'scrolled';
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map((r) => r.id).sort()).toEqual(['d', 'h', 't']);
  });

  it('ignores our own UI, fields and editable regions', async () => {
    const batches = watch('<backstory-popover></backstory-popover><textarea></textarea><div contenteditable="true"></div>', []);
    watcher!.stop();
    const own = document.querySelector('backstory-popover')!;
    watcher = new DomWatcher({ ownHosts: [own], scanCodeBlocks: () => false, onChanges: async (c) => void batches.push(c) });
    watcher.start();
    own.append('card text');
    document.querySelector('textarea')!.append('typed');
    document.querySelector('[contenteditable]')!.append('draft');
    await settle();
    expect(batches).toEqual([]);
  });

  it('asks for a full rescan when too much changed to track piece by piece', async () => {
    const batches = watch('<div id="list"></div>');
    const list = document.getElementById('list')!;
    for (let i = 0; i < 400; i++) {
      const section = document.createElement('section');
      section.textContent = `item ${i}`;
      list.append(section);
    }
    await settle();
    expect(batches[0]!.everything).toBe(true);
  });

  it('backs off on a page that never stops changing: a ticker every 50 ms is looked at a few times, not each time', async () => {
    const batches = watch('<p id="ticker">0</p>');
    const ticker = document.getElementById('ticker')!;
    let tick = 0;
    const interval = setInterval(() => (ticker.firstChild!.nodeValue = String(++tick)), 50);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    clearInterval(interval);
    // About 60 changes in 3 s; without back-off (a batch every 150 ms) that is some 20 batches.
    expect(tick).toBeGreaterThan(40);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThanOrEqual(6);
  });

  it('reports nothing once stopped', async () => {
    const batches = watch('<p>x</p>');
    watcher!.stop();
    document.body.append('more');
    await settle();
    expect(batches).toEqual([]);
  });
});
