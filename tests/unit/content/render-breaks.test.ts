import { describe, expect, it } from 'vitest';
import { breaksBetween, isWordJoin } from '../../../entrypoints/content/render-breaks';

describe('isWordJoin', () => {
  it('is true only where a word would run into the next', () => {
    expect(isWordJoin('Putin', 'met')).toBe(true);
    expect(isWordJoin('Erdoğ', 'an')).toBe(true);
    expect(isWordJoin('习近', '平')).toBe(true);
    expect(isWordJoin('Putin ', 'met')).toBe(false);
    expect(isWordJoin('Putin', ', met')).toBe(false);
    expect(isWordJoin('', 'met')).toBe(false);
  });
});

/** Inline styles only, all else inline (happy-dom computes no default display). */
const display = (element: Element) => (element as HTMLElement).style.display || 'inline';

/** Whether the first two text nodes of `html` render apart. */
function between(html: string): boolean {
  document.body.innerHTML = `<p>${html}</p>`;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const a = walker.nextNode() as Text;
  const b = walker.nextNode() as Text;
  return breaksBetween(a, b, display);
}

describe('breaksBetween', () => {

  it('finds a break in the elements closed, opened or wholly between two texts', () => {
    expect(between('Putin<br>Xi')).toBe(true);
    expect(between('<a>Putin</a><br><a>Xi</a>')).toBe(true);
    expect(between('<span style="display:block">Putin</span>Xi')).toBe(true);
    expect(between('Putin<span style="display:inline-block"><i>Xi</i></span>')).toBe(true);
    expect(between('Putin<img alt="">Xi')).toBe(true);
  });

  it('finds none where the text flows on', () => {
    expect(between('Put<b>in</b>')).toBe(false);
    expect(between('Put<wbr>in')).toBe(false);
    expect(between('Put<span></span>in')).toBe(false);
    expect(between('<i>Put</i><script>1</script><b>in</b>')).toBe(false);
  });
});
