import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../entrypoints/popup/page-kind';
import { siteIsOn, withSite } from '../../../entrypoints/popup/site-switch';
import { DEFAULT_SETTINGS, siteKey } from '../../../lib/settings/settings';

describe('pageKind', () => {
  it.each([
    ['https://www.example.org/news/1', { kind: 'web', site: 'example.org' }],
    ['http://127.0.0.1:8080/x.html', { kind: 'web', site: '127.0.0.1' }],
    ['chrome://extensions/', { kind: 'restricted' }],
    ['chrome-extension://abc/popup.html', { kind: 'restricted' }],
    ['about:blank', { kind: 'restricted' }],
    ['file:///home/me/a.html', { kind: 'restricted' }],
    ['https://chromewebstore.google.com/detail/x', { kind: 'restricted' }],
    ['https://chrome.google.com/webstore/detail/x', { kind: 'restricted' }],
    ['https://chrome.google.com/search', { kind: 'web', site: 'chrome.google.com' }],
    ['https://addons.mozilla.org/en-US/firefox/', { kind: 'restricted' }],
    [undefined, { kind: 'restricted' }],
    ['not a url', { kind: 'restricted' }],
  ])('%s', (url, expected) => {
    expect(pageKind(url, siteKey)).toEqual(expected);
  });
});

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
