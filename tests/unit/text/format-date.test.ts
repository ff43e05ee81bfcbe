import { describe, expect, it } from 'vitest';
import { formatArticleDate } from '../../../lib/text/format-date';

describe('formatArticleDate', () => {
  it('shows a date-only value as that calendar day', () => {
    expect(formatArticleDate('2024-07-04', 'en-GB')).toBe('4 Jul 2024');
  });
  it('passes through what it cannot read, and nothing for nothing', () => {
    expect(formatArticleDate('sometime', 'en-GB')).toBe('sometime');
    expect(formatArticleDate(undefined)).toBeUndefined();
  });
});
