import { browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { senderTrust } from '../../../entrypoints/background/sender-trust';

const page = (path: string) => browser.runtime.getURL(path as '/options.html');

/** Who may write: only the extension's own top-level pages. */
describe('senderTrust', () => {
  it('trusts the extension’s own pages in a tab or popup', () => {
    expect(senderTrust({ id: browser.runtime.id, url: page('/options.html'), frameId: 0 })).toBe('extension-page');
    expect(senderTrust({ id: browser.runtime.id, url: page('/popup.html') })).toBe('extension-page');
  });

  it('treats content scripts, and extension pages framed inside a web page, as content scripts', () => {
    expect(senderTrust({ id: browser.runtime.id, url: 'https://news.example/a', frameId: 0, tab: { id: 3 } as never })).toBe('content-script');
    expect(senderTrust({ id: browser.runtime.id, url: page('/options.html'), frameId: 5 })).toBe('content-script');
    // A page whose URL merely contains the extension origin is not the extension.
    expect(senderTrust({ id: browser.runtime.id, url: `https://evil.example/?${page('/options.html')}` })).toBe('content-script');
  });

  it('refuses other extensions', () => {
    expect(senderTrust({ id: 'another-extension', url: page('/options.html') })).toBe('foreign');
    expect(senderTrust({ url: page('/options.html') })).toBe('foreign');
  });
});
