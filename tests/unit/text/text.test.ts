import { describe, expect, it } from 'vitest';
import { compareSemver } from '../../../lib/kb/semver';
import { formatArticleDate } from '../../../lib/text/format-date';
import { safeHttpUrl } from '../../../lib/text/safe-url';
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

describe('compareSemver', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '2.0.0', 0],
    ['1.0.0-beta', '1.0.0', -1],
    ['1.0.0-beta.2', '1.0.0-beta.10', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0+build.1', '1.0.0+build.2', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareSemver(a, b)).toBe(expected);
    expect(compareSemver(b, a)).toBe(-expected || 0);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http and https, drops everything else', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', 'ftp://x', '', undefined]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});

describe('formatArticleDate', () => {
  it('shows a date-only value as that calendar day', () => {
    expect(formatArticleDate('2024-07-04', 'en-GB')).toBe('4 Jul 2024');
  });
  it('passes through what it cannot read, and nothing for nothing', () => {
    expect(formatArticleDate('sometime', 'en-GB')).toBe('sometime');
    expect(formatArticleDate(undefined)).toBeUndefined();
  });
});
