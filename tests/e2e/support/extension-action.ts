import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const POPUP_WAIT_MS = 10_000;
const POLL_MS = 50;

/**
 * Clicks the extension's toolbar button for `page`'s tab, the way a user does, through
 * the DevTools protocol (`Extensions.triggerAction`; a headless browser has no toolbar).
 * Chromium then grants activeTab for that tab and opens the real popup. Playwright does
 * not attach to that popup, so it is closed again: tests drive popup.html in a tab of
 * its own, with `?tab=ID` naming the tab the grant was made for.
 */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    // Tab targets are left out unless asked for.
    const filter = [{ type: 'tab' }, { type: 'page' }];
    const targets = async () => ((await cdp.send('Target.getTargets', { filter } as never)) as { targetInfos: TargetInfo[] }).targetInfos;
    const tab = (await targets()).find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    // The method is newer than playwright-core's protocol types.
    await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: browser.extensionId, targetId: tab.targetId } as never);
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const deadline = Date.now() + POPUP_WAIT_MS;
    for (;;) {
      const popup = (await targets()).find((t) => t.url === popupUrl);
      if (popup) {
        await cdp.send('Target.closeTarget', { targetId: popup.targetId });
        return;
      }
      if (Date.now() > deadline) throw new Error('The toolbar popup did not open');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await cdp.detach();
  }
}

/** The extension's id for `page`'s tab (chrome.tabs), asked of the service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  await page.bringToFront();
  const id = await browser.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error(`No tab id for ${url}`);
  return id;
}
