import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser';

/** How many mentions are painted on the page, as the page itself can count them. */
function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-mention')?.size ?? 0);
}

describe('Firefox ESR: tabs open when Backstory is installed', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  let opened: Page;

  beforeAll(async () => {
    server = await startStaticServer(['tests/e2e/fixtures/pages']);
    firefox = await launchFirefoxWithExtension({
      beforeInstall: async (browser) => {
        opened = await browser.newPage();
        await opened.goto(server.url('demo.html'));
      },
    });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('light up without a reload, and so does a tab opened right after the install', async () => {
    const soon = await firefox.browser.newPage();
    await soon.goto(server.url('demo.html'));
    for (const page of [opened, soon]) {
      await page.waitForFunction(
        () => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-mention')?.size ?? 0) >= 70,
        { timeout: 20_000 },
      );
      expect(await paintedCount(page)).toBeGreaterThanOrEqual(70);
    }
    await soon.close();
  });
});
