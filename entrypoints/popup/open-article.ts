import { browser } from 'wxt/browser';
import { optionsPath } from '../../lib/routes/extension-routes';

/** Opens an article of the library in the options page's reader, in a new tab. */
export function openArticle(key: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(optionsPath({ name: 'article', key })) });
}
