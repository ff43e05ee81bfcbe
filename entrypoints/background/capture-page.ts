import { browser } from 'wxt/browser';
import type { ExtractResult } from '../../lib/extract';
import { savePath } from '../../lib/routes/extension-routes';
import { CAPTURE_KEY_PREFIX, type Capture } from '../../lib/extract/capture';

/** Captures kept in session storage at most: a few recent ones, so Back and reload still work. */
const MAX_KEPT_CAPTURES = 5;

/**
 * Reads the article of a tab and opens the save preview with it. The extraction runs in
 * the tab's isolated world (entrypoints/extract.ts); it needs activeTab, which the user
 * grants by opening the popup or the context menu on that tab. Failures open the preview
 * too, which says what went wrong: from the context menu there is nowhere else to say it.
 */
export async function capturePage(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  let capture: Capture;
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
    capture = injection?.result ? { result: injection.result as ExtractResult, takenAt: Date.now() } : { error: 'no-result', takenAt: Date.now() };
  } catch (error) {
    console.info('Backstory: could not read the page', error);
    capture = { error: 'no-access', takenAt: Date.now() };
  }
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [`${CAPTURE_KEY_PREFIX}${id}`]: capture });
  await pruneCaptures();
  await browser.tabs.create({
    url: browser.runtime.getURL(savePath(id)),
    ...(tab.index === undefined ? {} : { index: tab.index + 1 }),
    ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
  });
}

async function pruneCaptures(): Promise<void> {
  const all = (await browser.storage.session.get(null)) as Record<string, Capture | undefined>;
  const captures = Object.entries(all)
    .filter(([key]) => key.startsWith(CAPTURE_KEY_PREFIX))
    .sort((a, b) => (b[1]?.takenAt ?? 0) - (a[1]?.takenAt ?? 0));
  const stale = captures.slice(MAX_KEPT_CAPTURES).map(([key]) => key);
  if (stale.length > 0) await browser.storage.session.remove(stale);
}
