import type { Page } from 'playwright-core';

/**
 * Collects what a page would notice of Backstory going wrong: uncaught errors, console
 * errors and dialogs. A content script must never throw into the page.
 */
export class PageGuard {
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];

  constructor(page: Page) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // The fixture server has no favicon; the browser's own 404 for it is not the page's doing.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
        this.errors.push(`console.error: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }
}
