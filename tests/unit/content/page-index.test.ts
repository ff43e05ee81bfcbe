import { describe, expect, it } from 'vitest';
import { MentionIndex } from '../../../entrypoints/content/mention-index';
import { ShadowRootFinder } from '../../../entrypoints/content/shadow-roots';
import { collectTextBlocks, TextBlockCollector } from '../../../entrypoints/content/text-blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('text blocks', () => {
  it('joins inline markup into one block and keeps blocks apart', () => {
    const blocks = collectTextBlocks(page('<p>Vladimir <b>Putin</b> spoke.</p><p>Astana</p>'));
    expect(blocks.map((b) => b.text)).toEqual(['Vladimir Putin spoke.', 'Astana']);
    expect(blocks[0]!.starts).toEqual([0, 9, 14]);
  });

  it('skips fields, editable regions, scripts and code unless code is asked for', () => {
    const root = page(
      '<p>keep</p><textarea>field</textarea><div contenteditable="true">edit</div><script>s</script><pre><code>code</code></pre>',
    );
    expect(collectTextBlocks(root).map((b) => b.text)).toEqual(['keep']);
    expect(collectTextBlocks(root, { scanCodeBlocks: true }).map((b) => b.text)).toEqual(['keep', 'code']);
  });

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

  it('gives the same blocks when walked in many small slices', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>para <b>${i}</b></p>`).join('');
    const whole = collectTextBlocks(page(html)).map((b) => b.text);
    const collector = new TextBlockCollector(document.body);
    const sliced: string[] = [];
    let calls = 0;
    while (!collector.done) {
      let n = 0;
      sliced.push(...collector.collect(() => ++n > 1).map((b) => b.text));
      calls++;
    }
    expect(calls).toBeGreaterThan(3);
    expect(sliced).toEqual(whole);
  });
});

describe('MentionIndex', () => {
  it('maps offsets to ranges, replaces a block on rescan, and drops removed text', () => {
    const [block] = collectTextBlocks(page('<p>Vladimir <b>Putin</b> met Xi.</p>'));
    const index = new MentionIndex();
    const first = index.add(block!, [{ start: 0, end: 14, entityKeys: ['putin'] }]);
    expect(first.added.map((m) => m.range.toString())).toEqual(['Vladimir Putin']);
    expect(index.at(block!.nodes[1]!, 2)?.entityKeys).toEqual(['putin']);

    const again = index.add(block!, [{ start: 19, end: 21, entityKeys: ['xi'] }]);
    expect(again.removed).toHaveLength(1);
    expect(index.size).toBe(1);

    document.body.innerHTML = '';
    expect(index.removeWhere((node) => !node.isConnected)).toHaveLength(1);
    expect(index.size).toBe(0);
  });

  it('keeps at most `cap` mentions and applies the candidate filter', () => {
    const blocks = collectTextBlocks(page('<p>a b c</p><p>d e f</p>'));
    const index = new MentionIndex();
    index.cap = 4;
    index.filter = (_text, keys) => keys.filter((k) => k !== 'dismissed');
    const spans = [0, 2, 4].map((start) => ({ start, end: start + 1, entityKeys: ['x', 'dismissed'] }));
    index.add(blocks[0]!, spans);
    const second = index.add(blocks[1]!, spans);
    expect(second.added).toHaveLength(1);
    expect(index.size).toBe(4);
    expect(index.inOrder().map((m) => m.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(index.inOrder().every((m) => m.entityKeys.join() === 'x')).toBe(true);
  });
});
