import { describe, expect, it } from 'vitest';
import { markTerms, snippetAround } from '../../../lib/search/marks';

const marked = (m: { text: string; marks: Array<[number, number]> }) => m.marks.map(([s, e]) => m.text.slice(s, e));

describe('marks and snippets', () => {
  it('marks the words of the original text whose folded form matched', () => {
    const m = markTerms('President Erdoğan met Emine Erdoğan.', new Set(['erdogan']));
    expect(marked(m)).toEqual(['Erdoğan', 'Erdoğan']);
    expect(m.marks).toEqual([[10, 17], [28, 35]]);
  });

  it('marks nothing when no word matched', () => {
    expect(markTerms('Nothing here', new Set(['astana'])).marks).toEqual([]);
  });

  it('cuts a snippet around the first match at word boundaries, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    words[40] = 'Astana';
    const snippet = snippetAround(words.join(' '), new Set(['astana']), 80)!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    expect(marked(snippet)).toEqual(['Astana']);
    // Whole words only: no word is cut in half at either end.
    expect(snippet.text.slice(1, -1).split(' ').every((w) => /^(word\d+|Astana)$/u.test(w))).toBe(true);
  });

  it('starts at the beginning when the match is near it, and collapses whitespace', () => {
    const snippet = snippetAround('Leaders met\n\nin Astana on Tuesday.', new Set(['astana']))!;
    expect(snippet.text).toBe('Leaders met in Astana on Tuesday.');
    expect(marked(snippet)).toEqual(['Astana']);
  });

  it('has no snippet when no word matches', () => {
    expect(snippetAround('Leaders met.', new Set(['astana']))).toBeUndefined();
  });
});
