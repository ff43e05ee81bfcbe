import { describe, expect, it } from 'vitest';
import { ShadowRootFinder } from '../../../entrypoints/content/shadow-roots';
import { collectTextBlocks } from '../../../entrypoints/content/text-blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('ShadowRootFinder', () => {
  it('finds open shadow roots, nested ones too, and walks each as a root of its own', () => {
    const root = page('<p>light</p><div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow <i>text</i></p><span id="inner"></span>';
    const inner = (shadow.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>deeper</p>';
    expect(collectTextBlocks(root).map((b) => b.text)).toEqual(['light']);
    const finder = new ShadowRootFinder(root);
    const found: ShadowRoot[] = [];
    while (!finder.done) found.push(...finder.find());
    expect(found).toEqual([shadow, inner]);
    expect(collectTextBlocks(shadow).map((b) => b.text)).toEqual(['shadow text']);
  });

  it('finds them in slices, resuming where it stopped', () => {
    const root = page(Array.from({ length: 600 }, (_, i) => `<span id="h${i}"></span>`).join(''));
    const hosts = [...root.querySelectorAll('span')].filter((_, i) => i % 100 === 0);
    const shadows = hosts.map((h) => h.attachShadow({ mode: 'open' }));
    const finder = new ShadowRootFinder(root);
    const found: ShadowRoot[] = [];
    let slices = 0;
    while (!finder.done) {
      found.push(...finder.find(() => true));
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(found).toEqual(shadows);
  });
});
