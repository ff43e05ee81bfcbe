import { describe, expect, it } from 'vitest';
import { parseSiteInput } from '../../../lib/settings/site-input';
import { excludeMatchesFor } from '../../../lib/settings/site-patterns';

describe('parseSiteInput', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  Example.ORG  ', 'example.org'],
    ['https://www.Example.org/news/today?x=1#top', 'example.org'],
    ['http://news.example.co.uk', 'news.example.co.uk'],
    ['*.example.com', 'example.com'],
    ['.example.com', 'example.com'],
    ['https://*.example.com/', 'example.com'],
    ['example.org:8080/path', 'example.org'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('accepts %j as %j', (input, site) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', /Type a site first/u],
    ['   ', /Type a site first/u],
    ['example', /no ending like \.com/u],
    ['exa mple.com', /no spaces/u],
    ['chrome://settings', /only runs on web pages.*chrome:/u],
    ['file:///home/me/a.html', /only runs on web pages.*file:/u],
    ['about:blank', /about:/u],
    ['exa_mple.com', /is not a site name/u],
    ['http://[::1]/', /IPv6/u],
    ['http://', /is not a site name/u],
  ])('refuses %j and says why', (input, message) => {
    const result = parseSiteInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('gives only sites the content script registration accepts', () => {
    for (const input of ['*.example.com', 'https://www.a-b.example.org/x', 'bücher.example', '127.0.0.1']) {
      const result = parseSiteInput(input);
      if (!result.ok) throw new Error(result.message);
      expect(excludeMatchesFor([result.site]).length).toBeGreaterThan(0);
    }
  });
});
