import type { Locator, Page } from 'playwright-core';
import { clickToolbarButton, tabIdOf } from './extension-action';
import type { ExtensionBrowser } from './extension-browser';

/** The popup, opened as a tab (a real popup cannot be driven headless), and what a user does with it. */
export class PopupPage {
  constructor(readonly page: Page) {}

  /**
   * Opens popup.html; with `about`, about that page's tab (`?tab=ID`), as if it were the
   * active tab, after clicking the toolbar button for it (which grants activeTab).
   */
  static async open(browser: ExtensionBrowser, options: { about?: Page } = {}): Promise<PopupPage> {
    let path = 'popup.html';
    if (options.about) {
      await clickToolbarButton(browser, options.about);
      path += `?tab=${await tabIdOf(browser, options.about)}`;
    }
    const page = await browser.openExtensionPage(path);
    await page.setViewportSize({ width: 380, height: 600 });
    return new PopupPage(page);
  }

  get search(): Locator {
    return this.page.getByRole('combobox', { name: 'Search your library' });
  }

  /** Replaces the query by typing it, key by key, and waits until its results are on screen. */
  async type(query: string): Promise<void> {
    await this.search.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(query);
    await this.page.waitForFunction(
      (q) => performance.getEntriesByName('backstory:results').some((m) => (m as PerformanceMark).detail === q),
      query,
      { timeout: 15_000 },
    );
  }

  /** The visible texts of the options of one result group. */
  async optionTexts(group: string): Promise<string[]> {
    return this.page.getByRole('group', { name: group }).getByRole('option').allInnerTexts();
  }

  async activeId(): Promise<string | null> {
    return this.search.getAttribute('aria-activedescendant');
  }
}
