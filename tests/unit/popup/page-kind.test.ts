import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../entrypoints/popup/page-kind';
import { siteKey } from '../../../lib/settings/settings';

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
