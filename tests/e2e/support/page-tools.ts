import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

type Evaluator = Page | Frame;

/** The few extension APIs the helpers call inside the service worker. */
interface WorkerChrome {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/** The texts painted under a highlight name, sorted (works across shadow trees, unlike range order). */
export async function paintedTexts(target: Evaluator, name = 'backstory-mention'): Promise<string[]> {
  return target.evaluate((highlightName) => {
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
    return [...(registry?.get(highlightName) ?? [])].map((r) => r.toString()).sort();
  }, name);
}

/** Names registered in CSS.highlights (what the page itself can see). */
export async function highlightNames(target: Evaluator): Promise<string[]> {
  return target.evaluate(() => {
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
    return [...(registry?.keys() ?? [])].sort();
  });
}

/** Polls until `read` returns something `accept` likes; returns it, or throws with the last value. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Condition not met; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/** Changes settings the way the options page and popup do (storage.local, key "settings"). */
export async function setSettings(browser: ExtensionBrowser, change: Record<string, unknown>): Promise<void> {
  await browser.serviceWorker.evaluate(async (patch) => {
    const local = (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local;
    const { settings } = (await local.get('settings')) as { settings?: Record<string, unknown> };
    await local.set({ settings: { ...settings, ...patch } });
  }, change);
}

/** Sends a message to the top frame of the tab showing `url`, from the service worker (an extension context). */
export async function sendToTab(browser: ExtensionBrowser, url: string, message: unknown): Promise<unknown> {
  return browser.serviceWorker.evaluate(
    async ({ url: wanted, message: body }) => {
      const c = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const tabs = await c.tabs.query({});
      const tab = tabs.find((t) => t.url === wanted);
      if (tab?.id === undefined) throw new Error(`No tab at ${wanted}`);
      return c.tabs.sendMessage(tab.id, body, { frameId: 0 });
    },
    { url, message },
  );
}
