import { browser } from 'wxt/browser';
import { capturePage } from './capture-page';

const SAVE_MENU_ID = 'backstory-save-page';

/**
 * "Save to Backstory" in the page's context menu: the same action as the popup's button.
 * Firefox for Android has no context menus API: there the popup's button is the way, and
 * the background goes on without the menu.
 */
export function registerSaveMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: SAVE_MENU_ID, title: 'Save to Backstory', contexts: ['page', 'selection'] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined) return;
    capturePage(tab.id).catch((error: unknown) => console.error('Backstory: saving the page failed', error));
  });
}
