import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on: the active tab of its window. `?tab=ID` in the popup's URL
 * names another one: end-to-end tests open popup.html in a tab of its own (a headless
 * browser has no toolbar to click), where the active tab would be the popup itself.
 * Only extension pages can open that URL; the page it names still has to grant access.
 */
export async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/u.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The URLs the tab's article may be stored under: its canonical URL (read in the page,
 * allowed by activeTab) and its address. The canonical one first: saving uses it.
 */
export async function pageUrls(tabId: number): Promise<string[]> {
  const urls: string[] = [];
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: readCanonicalUrl });
    if (typeof injection?.result === 'string') urls.push(injection.result);
  } catch {
    // No access to this page (a browser page, the web store): its address may still be known.
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.url && !urls.includes(tab.url)) urls.push(tab.url);
  return urls;
}

/** Runs in the page: must be self-contained. */
function readCanonicalUrl(): string | undefined {
  const href =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (!href) return undefined;
  try {
    return new URL(href, location.href).href;
  } catch {
    return undefined;
  }
}
