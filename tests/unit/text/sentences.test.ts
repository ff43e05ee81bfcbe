import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from '../../../lib/text/sentences';

describe('splitSentences', () => {
  it('splits by Unicode rules, keeps abbreviations, and breaks at paragraphs', () => {
    const text = 'Mr. Tokayev spoke first. Then the vote\nwas held.\n\u00a0\nA new paragraph without a stop';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Mr. Tokayev spoke first.', 'Then the vote\nwas held.', 'A new paragraph without a stop']);
  });

  it('finds the sentence at an offset, with whitespace collapsed', () => {
    const text = 'One here. Two\nthere. Three.';
    const spans = splitSentences(text);
    expect(sentenceAt(text, spans, text.indexOf('there'))).toBe('Two there.');
    expect(sentenceAt(text, spans, 999)).toBeUndefined();
  });

  it('handles CJK full stops', () => {
    const text = '习近平抵达阿斯塔纳。峰会开幕。';
    expect(splitSentences(text, 'zh').length).toBe(2);
  });
});
