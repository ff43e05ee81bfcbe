import { describe, expect, it } from 'vitest';
import { addDismissal, dismissalsOf, filterDismissed, listDismissals, MAX_DISMISSALS_PER_SITE, removeDismissal } from '../../../lib/settings/site-dismissals';
import { excludeMatchesFor } from '../../../lib/settings/site-patterns';
import { articleDateLabel } from '../../../lib/text/article-age';

describe('excludeMatchesFor', () => {
  it('excludes a site and its subdomains', () => {
    expect(excludeMatchesFor(['example.com'])).toEqual(['*://*.example.com/*', '*://example.com/*']);
  });

  it('excludes an IPv4 host without a subdomain pattern', () => {
    expect(excludeMatchesFor(['127.0.0.1'])).toEqual(['*://127.0.0.1/*']);
  });

  it('leaves out entries that would make the whole registration invalid', () => {
    expect(excludeMatchesFor(['exa mple.com', '*.evil', 'a/b', '', '[::1]', 'ok.org'])).toEqual(['*://*.ok.org/*', '*://ok.org/*']);
  });
});

describe('site dismissals', () => {
  it('filters a dismissed candidate for that name on that site only', () => {
    const all = addDismissal({}, 'nba.com', ' Jordan ', 'jordan-country');
    const onNba = dismissalsOf(all, 'nba.com');
    expect(filterDismissed(onNba, 'JORDAN', ['jordan-country', 'michael-jordan'])).toEqual(['michael-jordan']);
    expect(filterDismissed(onNba, 'Jordan River', ['jordan-country'])).toEqual(['jordan-country']);
    expect(filterDismissed(dismissalsOf(all, 'bbc.co.uk'), 'Jordan', ['jordan-country'])).toEqual(['jordan-country']);
  });

  it('stays bounded per site, keeping the most recent', () => {
    let all = {};
    for (let i = 0; i < MAX_DISMISSALS_PER_SITE + 5; i++) all = addDismissal(all, 'a.org', `name ${i}`, 'e');
    const set = dismissalsOf(all, 'a.org');
    expect(set.size).toBe(MAX_DISMISSALS_PER_SITE);
    expect(filterDismissed(set, `name ${MAX_DISMISSALS_PER_SITE + 4}`, ['e'])).toEqual([]);
    expect(filterDismissed(set, 'name 0', ['e'])).toEqual(['e']);
  });

  it('undoes one choice, dropping a site left with none', () => {
    let all = addDismissal({}, 'nba.com', 'Jordan', 'jordan-country');
    all = addDismissal(all, 'nba.com', 'Turkey', 'turkey');
    all = removeDismissal(all, 'nba.com', ' JORDAN', 'jordan-country');
    expect(filterDismissed(dismissalsOf(all, 'nba.com'), 'Jordan', ['jordan-country'])).toEqual(['jordan-country']);
    expect(filterDismissed(dismissalsOf(all, 'nba.com'), 'Turkey', ['turkey'])).toEqual([]);
    expect(removeDismissal(all, 'nba.com', 'Turkey', 'turkey')).toEqual({});
    expect(removeDismissal(all, 'other.org', 'Turkey', 'turkey')).toBe(all);
  });

  it('lists every choice by site, most recent first', () => {
    let all = addDismissal({}, 'b.org', 'Turkey', 'starter/turkey');
    all = addDismissal(all, 'a.org', 'Jordan', 'p/jordan');
    all = addDismissal(all, 'b.org', 'China', 'starter/china');
    expect(listDismissals(all)).toEqual([
      { site: 'a.org', name: 'jordan', entityKey: 'p/jordan' },
      { site: 'b.org', name: 'china', entityKey: 'starter/china' },
      { site: 'b.org', name: 'turkey', entityKey: 'starter/turkey' },
    ]);
    expect(listDismissals({ 'a.org': 'x' as unknown as string[], 'b.org': [7 as unknown as string, 'no-separator'] })).toEqual([]);
  });

  it('reads garbage as nothing dismissed', () => {
    expect(dismissalsOf(null, 'a.org').size).toBe(0);
    expect(dismissalsOf({ 'a.org': 'x' as unknown as string[] }, 'a.org').size).toBe(0);
  });
});

describe('articleDateLabel', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('shows a recent date as it is', () => {
    expect(articleDateLabel('2026-03-01', now, 'en-GB')).toBe('1 Mar 2026');
  });
  it('says "as of" for an article over a year old', () => {
    expect(articleDateLabel('2024-07-04', now, 'en-GB')).toBe('as of 4 Jul 2024');
  });
  it('passes missing dates through', () => {
    expect(articleDateLabel(undefined, now)).toBeUndefined();
  });
});
