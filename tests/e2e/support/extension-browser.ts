import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
/** `wxt build --mode bench`: the shipped code plus the benchmarks' hooks (bench/search/popup-search-sources.ts). */
export const BENCH_EXTENSION_DIR = resolve('.output/chrome-mv3-bench');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded, in a fresh profile, the way a user has it.
 * Flags keep Chromium from reaching for the network on this offline machine.
 */
export async function launchExtensionBrowser(
  options: {
    headless?: boolean;
    /** Reuse this profile (a browser restart) and leave it on disk when closing. */
    userDataDir?: string;
    /** The built extension to load (default: the shipped build). */
    extensionDir?: string;
    /** Window size (default 1280×860). */
    viewport?: { width: number; height: number };
    /** A touch screen: taps send touch pointer events, then a click (touch journeys). */
    hasTouch?: boolean;
    /** A phone: the page's viewport meta tag applies. */
    isMobile?: boolean;
    /** More Chromium switches (a touch journey makes extension pages coarse-pointered too: see touch.e2e.ts). */
    args?: readonly string[];
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'backstory-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    hasTouch: options.hasTouch,
    isMobile: options.isMobile,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  // The page script is registered at run time by the service worker: wait for it before any page loads.
  await serviceWorker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting;
    for (let i = 0; i < 200 && (await scripting.getRegisteredContentScripts()).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  });
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the content script has painted at least `min` mentions, and returns their texts in document order. */
export async function waitForHighlights(page: Page, min = 1): Promise<string[]> {
  await page.waitForFunction(
    (n) => ((globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights?.get('backstory-mention')?.size ?? 0) >= n,
    min,
    { timeout: 15_000 },
  );
  return highlightTexts(page);
}

/** The texts of the painted mentions, in document order (the page's own scripts can read these too). */
export async function highlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights?.get('backstory-mention');
    const ranges = [...(highlight ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

/** The viewport centre of the n-th occurrence of `text` in the page's visible text. */
export async function pointOfText(page: Page, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ text: wanted, occurrence: index }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        let at = data.indexOf(wanted);
        while (at >= 0) {
          if (seen++ === index) {
            const range = new Range();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0]!;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          at = data.indexOf(wanted, at + 1);
        }
      }
      return undefined;
    },
    { text, occurrence },
  );
  if (!point) throw new Error(`"${text}" (occurrence ${occurrence}) is not on the page`);
  return point;
}
