import { describe, expect, it } from 'vitest';
import { MentionIndex } from '../../../entrypoints/content/mention-index';
import { collectTextBlocks } from '../../../entrypoints/content/text-blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

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
