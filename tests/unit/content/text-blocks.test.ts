import { describe, expect, it } from 'vitest';
import { collectTextBlocks, TextBlockCollector } from '../../../entrypoints/content/text-blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (html: string) => collectTextBlocks(page(html)).map((b) => b.text);

describe('text blocks', () => {
  it('joins inline markup into one block and keeps blocks apart', () => {
    const blocks = collectTextBlocks(page('<p>Vladimir <b>Putin</b> spoke.</p><p>Astana</p>'));
    expect(blocks.map((b) => b.text)).toEqual(['Vladimir Putin spoke.', 'Astana']);
    expect(blocks[0]!.starts).toEqual([0, 9, 14]);
  });

  it('keeps the whitespace between inline elements, so their words stay apart', () => {
    expect(texts('<p><a>Putin</a> <b>met</b></p>')).toEqual(['Putin met']);
    expect(texts('<div><span>Russia</span> <span>China</span>\n  <span>Belarus</span></div>')).toEqual(['Russia China\n  Belarus']);
    // A name split across inline tags is still one run of text.
    expect(texts('<p><b>Vladimir</b> <i>Putin</i></p>')).toEqual(['Vladimir Putin']);
  });

  it('never starts or makes a block of whitespace alone (indentation between blocks)', () => {
    expect(texts('<div>\n  <p>Astana</p>\n  <p>Dushanbe</p>\n</div>')).toEqual(['Astana', 'Dushanbe']);
  });

  it('breaks where the page renders a break: <br>, a block-styled inline element, inline-block chips', () => {
    expect(texts('<p>Vladimir Putin<br>Xi Jinping<br>Recep Tayyip Erdoğan</p>')).toEqual(['Vladimir Putin', 'Xi Jinping', 'Recep Tayyip Erdoğan']);
    expect(texts('<p>Putin<span style="display:block">Xi Jinping</span></p>')).toEqual(['Putin', 'Xi Jinping']);
    expect(texts('<p>Putin<span style="display:block">Xi</span>Jinping</p>')).toEqual(['Putin', 'Xi', 'Jinping']);
    expect(texts('<p><span style="display:inline-block">Ukraine</span><span style="display:inline-block">Vietnam</span></p>')).toEqual(['Ukraine', 'Vietnam']);
    expect(texts('<p><a href="#">Moscow</a><br><a href="#">Beijing</a></p>')).toEqual(['Moscow', 'Beijing']);
    expect(texts('<p>Astana<img alt="">Dushanbe</p>')).toEqual(['Astana', 'Dushanbe']);
  });

  it('joins what renders joined: <wbr>, an empty element, a plain inline tag mid-word', () => {
    expect(texts('<p>Tokay<wbr>ev</p>')).toEqual(['Tokayev']);
    expect(texts('<p>Tokay<span></span>ev and <b>T</b>okayev</p>')).toEqual(['Tokayev and Tokayev']);
  });

  it('keeps cells, list items and adjacent paragraphs apart', () => {
    expect(texts('<table><tr><td>Putin</td><td>Xi</td></tr></table>')).toEqual(['Putin', 'Xi']);
    expect(texts('<ul><li>Kazakhstan</li><li>Tajikistan</li></ul>')).toEqual(['Kazakhstan', 'Tajikistan']);
    expect(texts('<div><p>Astana</p><p>Dushanbe</p></div>')).toEqual(['Astana', 'Dushanbe']);
  });

  it('maps every character back to its text node (offsets stay exact)', () => {
    const [block] = collectTextBlocks(page('<p><b>Kim</b> <i>Jong Un</i></p>'));
    expect(block!.nodes.map((n) => n.data)).toEqual(['Kim', ' ', 'Jong Un']);
    expect(block!.starts).toEqual([0, 3, 4]);
    block!.nodes.forEach((node, i) => expect(block!.text.slice(block!.starts[i], block!.starts[i]! + node.data.length)).toBe(node.data));
  });

  it('skips fields, editable regions, scripts and code unless code is asked for', () => {
    const root = page(
      '<p>keep</p><textarea>field</textarea><div contenteditable="true">edit</div><script>s</script><pre><code>code</code></pre>',
    );
    expect(collectTextBlocks(root).map((b) => b.text)).toEqual(['keep']);
    expect(collectTextBlocks(root, { scanCodeBlocks: true }).map((b) => b.text)).toEqual(['keep', 'code']);
  });

  it('gives the same blocks when walked in many small slices', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>para <b>${i}</b><br>next</p>`).join('');
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

  it('stops only between blocks when asked to, and resuming gives the same blocks as one walk', () => {
    const html = '<p>Vladimir <b>Putin</b> met</p><div>Xi <i>Jinping</i> <p>in Astana</p> and <a>Minsk</a></div><p id="stop">Kazakhstan</p><p>Belarus <b>and</b> Russia</p>';
    const whole = collectTextBlocks(page(html)).map((b) => b.text);
    const collector = new TextBlockCollector(page(html));
    const asked: string[] = [];
    // Stop before every block once: each stop is asked with the first text node of the next block.
    let stop = true;
    const walked: string[] = [];
    while (!collector.done) {
      walked.push(...collector.collect(undefined, (node) => {
        asked.push(node.data);
        stop = !stop;
        return !stop;
      }).map((b) => b.text));
      if (collector.stoppedBefore) expect(asked.at(-1)).toBe(collector.stoppedBefore.data);
    }
    expect(walked).toEqual(whole);
    expect(asked.length).toBeGreaterThan(whole.length);
    expect(walked).toEqual(['Vladimir Putin met', 'Xi Jinping', 'in Astana', ' and Minsk', 'Kazakhstan', 'Belarus and Russia']);
  });
});
