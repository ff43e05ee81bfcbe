import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR } from './extension-browser';

export interface BrowserBeforeInstall {
  context: BrowserContext;
  /** Installs the built extension now, the way a user adds it to a running browser (or updates it); returns its id. */
  install(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Chromium without Backstory, so that tabs can be open before it is installed. The
 * extension is loaded later through the DevTools protocol (`Extensions.loadUnpacked`,
 * allowed by `--enable-unsafe-extension-debugging`); loading it again is an update.
 */
export async function launchBeforeInstall(): Promise<BrowserBeforeInstall> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 860 },
    // Playwright turns extensions off by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--enable-unsafe-extension-debugging', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async install() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        // The method is newer than playwright-core's protocol types.
        const { id } = (await cdp.send('Extensions.loadUnpacked' as 'Target.getTargets', { path: EXTENSION_DIR } as never)) as unknown as { id: string };
        return id;
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
