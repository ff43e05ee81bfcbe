import { resolve } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
const EXTENSION_ID = 'backstory@example.org';
/** Firefox gives each install a random moz-extension UUID; this pref pins it so tests can open the extension's pages. */
const EXTENSION_UUID = '6f1c2a8e-0b7d-4c55-9a3e-b4c7d0e1f201';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens `popup.html` or `options.html` of the extension in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's firefox-esr, headless, driven over WebDriver BiDi with the built extension
 * installed as a user would have it (temporarily, like `web-ext run`).
 * `--remote-allow-system-access` lets BiDi open moz-extension:// pages, which it refuses
 * by default; web pages still cannot.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== EXTENSION_ID) throw new Error(`Installed ${id}, expected ${EXTENSION_ID}`);
  return {
    browser,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Over BiDi, navigating to an extension page never reports completion (load or
      // DOMContentLoaded) to puppeteer; the rendered app is what matters, so wait for that.
      void page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
      await page.waitForSelector('#app > *');
      return page;
    },
    close: () => browser.close(),
  };
}
