import { browser } from 'wxt/browser';
import { optionsPath } from '../../lib/routes/extension-routes';

/** Opens an article in the library's reader (options page), in a new tab. */
export function openArticle(key: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(optionsPath({ name: 'article', key })) });
}

/** Opens an entity's page of the library, with every article that mentions it, in a new tab. */
export function openEntityPage(key: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(optionsPath({ name: 'entity', key })) });
}
