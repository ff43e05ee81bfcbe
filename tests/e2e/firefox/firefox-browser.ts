import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
/** The add-on ID as built (wxt.config.ts sets it), read when a browser starts: the build comes first. */
const builtExtensionId = (): string =>
  (JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
/** Firefox gives each install a random moz-extension UUID; this pref pins it so tests can open the extension's pages. */
const EXTENSION_UUID = '6f1c2a8e-0b7d-4c55-9a3e-b4c7d0e1f201';

const OPEN_ATTEMPTS = 3;
const OPEN_TIMEOUT_MS = 10_000;

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
export async function launchFirefoxWithExtension(
  options: {
    /** Runs before the extension is installed: to have tabs open at install time. */
    beforeInstall?: (browser: Browser) => Promise<void>;
    /** More preferences for the profile (a downloads folder, say). */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<FirefoxWithExtension> {
  const EXTENSION_ID = builtExtensionId();
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      ...options.prefs,
    },
  });
  await options.beforeInstall?.(browser);
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== EXTENSION_ID) throw new Error(`Installed ${id}, expected ${EXTENSION_ID}`);
  return {
    browser,
    async openExtensionPage(path) {
      // Over BiDi, navigating a tab to an extension page switches it to the extension's
      // process: puppeteer sees no load event and, now and then, its frame detached
      // (seen once in six runs, on a loaded machine). The rendered app is what matters:
      // wait for it, and open a fresh tab when the first one lost track.
      let lastError: unknown;
      for (let attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
        const page = await browser.newPage();
        void page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
        try {
          await page.waitForSelector('#app > *', { timeout: OPEN_TIMEOUT_MS });
          return page;
        } catch (error) {
          lastError = error;
          await page.close().catch(() => undefined);
        }
      }
      throw lastError;
    },
    close: () => browser.close(),
  };
}
