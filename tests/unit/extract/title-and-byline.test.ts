import { describe, expect, it } from 'vitest';
import { splitByline } from '../../../lib/extract/byline';
import { siteNameAround, stripSiteName } from '../../../lib/extract/title-parts';

describe('stripSiteName', () => {
  it.each([
    ['Leaders gather | Daily Ledger', ['Daily Ledger'], undefined, 'Leaders gather'],
    ['Daily Ledger — Leaders gather', ['daily ledger'], undefined, 'Leaders gather'],
    ['Daily Ledger — Leaders gather', [], 'Leaders gather', 'Leaders gather'],
    ['Floods: what next - Valley Post', ['Valley Post'], undefined, 'Floods: what next'],
    ['Mother - a memoir - reviewed', ['Valley Post'], undefined, 'Mother - a memoir - reviewed'],
    ['Leaders gather', ['Daily Ledger'], undefined, 'Leaders gather'],
  ])('%j (sites %j, h1 %j) → %j', (title, sites, heading, headline) => {
    expect(stripSiteName(title, sites, heading)).toBe(headline);
  });

  it('finds the site name around a headline, only when a separator sets it off', () => {
    expect(siteNameAround('Daily Ledger — Leaders gather', 'Leaders gather')).toBe('Daily Ledger');
    expect(siteNameAround('Leaders gather · Daily Ledger', 'Leaders gather')).toBe('Daily Ledger');
    expect(siteNameAround('Why leaders gather', 'leaders gather')).toBeUndefined();
    expect(siteNameAround('Leaders gather', 'Leaders gather')).toBeUndefined();
  });
});

describe('splitByline', () => {
  it.each([
    ['By A. Reporter · 4 July 2024', ['A. Reporter'], '2024-07-04'],
    ['By Jane Doe and Tom Lee | Updated 5 May 2023', ['Jane Doe', 'Tom Lee'], '2023-05-05'],
    ['Jane Doe — Staff writer', ['Jane Doe'], undefined],
    ['by Ana Ruiz', ['Ana Ruiz'], undefined],
    ['', [], undefined],
  ])('%j → %j, %j', (byline, author, datePublished) => {
    expect(splitByline(byline)).toEqual({ author, datePublished });
  });

  it('takes nothing from a sentence Readability mistook for a byline', () => {
    expect(splitByline('x'.repeat(121))).toEqual({ author: [] });
  });
});
