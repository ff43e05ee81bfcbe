import { describe, expect, it } from 'vitest';
import { sitesTurnedOn, wantsPageScript } from '../../../lib/settings/page-script-targets';

describe('wantsPageScript', () => {
  it('wants web pages of sites that are on', () => {
    expect(wantsPageScript('https://news.example/story', [])).toBe(true);
    expect(wantsPageScript('http://127.0.0.1:8080/demo.html', ['other.example'])).toBe(true);
  });

  it('leaves out sites that are off, their subdomains and "www." forms included', () => {
    expect(wantsPageScript('https://www.news.example/a', ['news.example'])).toBe(false);
    expect(wantsPageScript('https://live.news.example/a', ['news.example'])).toBe(false);
    expect(wantsPageScript('http://127.0.0.1/demo.html', ['127.0.0.1'])).toBe(false);
  });

  it('leaves out pages that are not on the web, and tabs without a readable address', () => {
    for (const url of ['chrome://extensions', 'about:blank', 'file:///tmp/a.html', 'moz-extension://x/popup.html', 'not a url', undefined]) {
      expect(wantsPageScript(url, [])).toBe(false);
    }
  });
});

describe('sitesTurnedOn', () => {
  it('is true when an entry left the list, whatever else changed', () => {
    expect(sitesTurnedOn(['a.example', 'b.example'], ['b.example'])).toBe(true);
    expect(sitesTurnedOn(['a.example'], ['c.example'])).toBe(true);
  });

  it('is false when sites were only added, or nothing changed', () => {
    expect(sitesTurnedOn([], ['a.example'])).toBe(false);
    expect(sitesTurnedOn(['a.example'], ['a.example', 'b.example'])).toBe(false);
    expect(sitesTurnedOn([], [])).toBe(false);
  });
});
