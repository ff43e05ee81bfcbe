import { describe, expect, it } from 'vitest';
import { pageConfigFor } from '../../../lib/settings/page-config';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { addDismissal } from '../../../lib/settings/site-dismissals';

describe('page config (what a page script is told)', () => {
  const dismissals = addDismissal(addDismissal({}, 'news.example', 'Turkey', 'pack/turkey'), 'bank.example', 'Jordan', 'pack/jordan');

  it("gives one site's choices and whether it runs there, never the other sites' lists", () => {
    const settings = { ...DEFAULT_SETTINGS, highlightStyle: 'background' as const, disabledSites: ['bank.example'] };
    const config = pageConfigFor(settings, dismissals, 'news.example');
    expect(config).toEqual({ enabled: true, highlightStyle: 'background', hoverDelayMs: 250, highlightCap: 2000, scanCodeBlocks: false, dismissed: ['turkey\u0000pack/turkey'], rememberAfterSeconds: null });
    expect(JSON.stringify(config)).not.toContain('bank.example');
    expect(pageConfigFor(settings, dismissals, 'bank.example')).toMatchObject({ enabled: false, dismissed: ['jordan\u0000pack/jordan'] });
    expect(pageConfigFor(settings, dismissals, 'sub.bank.example').enabled).toBe(false);
  });

  it('is off everywhere when paused; a page without a site runs unless paused, with no choices', () => {
    expect(pageConfigFor({ ...DEFAULT_SETTINGS, paused: true }, dismissals, 'news.example').enabled).toBe(false);
    expect(pageConfigFor(DEFAULT_SETTINGS, dismissals, '')).toMatchObject({ enabled: true, dismissed: [] });
    expect(pageConfigFor(DEFAULT_SETTINGS, null, 'news.example').dismissed).toEqual([]);
  });

  it('tells a page after how many seconds it is remembered only where "Remember what I read" may act, never the excluded list', () => {
    const on = { ...DEFAULT_SETTINGS, rememberReading: true, readingSeconds: 12, readingExcludedSites: ['bank.example'] };
    expect(pageConfigFor(on, null, 'news.example').rememberAfterSeconds).toBe(12);
    expect(pageConfigFor(on, null, 'www.bank.example').rememberAfterSeconds).toBeNull();
    expect(JSON.stringify(pageConfigFor(on, null, 'news.example'))).not.toContain('bank.example');
    expect(pageConfigFor(DEFAULT_SETTINGS, null, 'news.example').rememberAfterSeconds).toBeNull();
    expect(pageConfigFor({ ...on, paused: true }, null, 'news.example').rememberAfterSeconds).toBeNull();
    expect(pageConfigFor(on, null, '').rememberAfterSeconds).toBeNull();
  });
});
