import { browser } from 'wxt/browser';
import { wantsPageScript } from '../../lib/settings/page-script-targets';

/** Where WXT puts the content script and its stylesheet (entrypoints/content), from the extension's root. */
export const CONTENT_JS = 'content-scripts/content.js';
export const CONTENT_CSS = 'content-scripts/content.css';

/** How long a tab that is still loading is waited for before it is left alone (ms). */
const LOADING_WAIT_MS = 30_000;

/**
 * Starts Backstory's page script in the open tabs that should have it and do not: tabs
 * opened before the extension was installed, updated or reloaded; tabs of a site loaded
 * while it was off; a tab whose first load raced the run-time registration. The
 * registration covers later loads only. A tab still loading is waited for first: by
 * then the registration has reached it, or never will.
 */
export async function bringPageScriptToOpenTabs(disabledSites: readonly string[]): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      // A discarded tab loads afresh when it is shown again, and the registration reaches it then.
      tab.id !== undefined && !tab.discarded && wantsPageScript(tab.url, disabledSites)
        ? bringToTab(tab.id, tab.status === 'loading', disabledSites)
        : undefined,
    ),
  );
}

async function bringToTab(tabId: number, loading: boolean, disabledSites: readonly string[]): Promise<void> {
  if (loading) {
    await loaded(tabId);
    // It may have gone elsewhere meanwhile (executeScript ignores the registration's excludeMatches).
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (!wantsPageScript(tab?.url, disabledSites)) return;
  }
  if (await hasPageScript(tabId)) return;
  try {
    await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [`/${CONTENT_CSS}`] });
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [`/${CONTENT_JS}` as const] });
  } catch (error) {
    // A page browsers keep closed to extensions (a web store), or a tab that just closed.
    console.info('Backstory: could not start on an open tab', error instanceof Error ? error.message : error);
  }
}

/** Whether a live copy of the page script answers in the tab's top frame (an orphaned one cannot). */
async function hasPageScript(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'tab.mentions', payload: {} }, { frameId: 0 })) !== undefined;
  } catch {
    return false; // No receiver: nothing of ours runs there.
  }
}

/** Resolves once the tab has loaded, is closed, or after LOADING_WAIT_MS. */
function loaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) => id === tabId && change.status === 'complete' && done();
    const onRemoved = (id: number) => id === tabId && done();
    const timer = setTimeout(done, LOADING_WAIT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    // It may have finished between the query and now.
    void browser.tabs.get(tabId).then((tab) => tab.status !== 'loading' && done(), done);
  });
}
