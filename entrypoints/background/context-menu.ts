import { browser } from 'wxt/browser';
import { capturePage } from './capture-page';

const SAVE_MENU_ID = 'backstory-save-page';

/** "Save to Backstory" in the page's context menu: the same action as the popup's button. */
export function registerSaveMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save to Backstory', contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined) return;
    capturePage(tab.id).catch((error: unknown) => console.error('Backstory: saving the page failed', error));
  });
}
