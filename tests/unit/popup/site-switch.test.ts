import { describe, expect, it } from 'vitest';
import { siteIsOn, withSite } from '../../../entrypoints/popup/site-switch';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

describe('site switch', () => {
  it('turns a site off by adding it, and on by removing every entry that covers it', () => {
    expect(withSite([], 'news.example.org', false)).toEqual(['news.example.org']);
    expect(withSite(['news.example.org'], 'news.example.org', false)).toEqual(['news.example.org']);
    expect(withSite(['example.org', 'other.net', 'news.example.org'], 'news.example.org', true)).toEqual(['other.net']);
    expect(withSite(['ample.org'], 'example.org', true)).toEqual(['ample.org']);
  });

  it('reads whether the site is on, whatever the global pause', () => {
    const settings = { ...DEFAULT_SETTINGS, paused: true, disabledSites: ['example.org'] };
    expect(siteIsOn(settings, 'news.example.org')).toBe(false);
    expect(siteIsOn(settings, 'other.net')).toBe(true);
  });
});
