/**
 * One page load, measured from the page's side: the content script's own performance
 * measures (every slice of its main-thread work is wrapped in one), its marks, and the
 * long tasks of the page's main thread while it worked.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface LoadResult {
  /** Sum of the content script's main-thread slices until the page was fully scanned (ms). */
  mainThreadMs: number;
  /** Its longest single slice (ms). */
  longestSliceMs: number;
  slices: number;
  /** From the script's start (document idle) to the first painted highlight (ms). */
  firstHighlightMs: number | undefined;
  /** From the script's start to the end of the full scan (ms). */
  scanDoneMs: number | undefined;
  /** Round trips of page text to the background (ms each). */
  roundTripsMs: number[];
  /** Long tasks (> 50 ms) of the main thread that overlap one of our slices. */
  ourLongTasks: number;
  /** All long tasks of the main thread during the load (the page's own included). */
  allLongTasks: number;
  highlights: number;
  textChars: number;
  textNodes: number;
}

/** Records long tasks in the page's own world, from its very start. */
const LONG_TASK_OBSERVER = `
  window.benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
`;

/** Only the served origin is reachable: every other request (trackers, CDNs of saved pages) is aborted. */
async function isolate(page: Page, origin: string): Promise<void> {
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
}

export async function openMeasuredPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await isolate(page, origin);
  await page.addInitScript(LONG_TASK_OBSERVER);
  return page;
}

/** Waits until the content script has finished its first full scan and gone quiet. */
export async function waitForScan(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan-done').length > 0, undefined, { timeout: timeoutMs, polling: 100 });
  // Quiet: no new slice for half a second (late DOM changes of the page itself settle too).
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const count = await page.evaluate(() => performance.getEntriesByName('backstory:task').length);
    if (count === last) return;
    last = count;
    await page.waitForTimeout(500);
  }
}

export async function collectLoad(page: Page): Promise<LoadResult> {
  return page.evaluate(() => {
    const slices = performance.getEntriesByName('backstory:task');
    const start = performance.getEntriesByName('backstory:start')[0]?.startTime;
    const first = performance.getEntriesByName('backstory:first-highlight')[0]?.startTime;
    const done = performance.getEntriesByName('backstory:scan-done')[0]?.startTime;
    const longTasks = (window as unknown as { benchLongTasks: Array<{ start: number; duration: number }> }).benchLongTasks;
    const ours = longTasks.filter((t) => slices.some((s) => s.startTime < t.start + t.duration && s.startTime + s.duration > t.start));
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    let textChars = 0;
    let textNodes = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      textNodes++;
      textChars += (n as Text).data.length;
    }
    return {
      mainThreadMs: slices.reduce((sum, s) => sum + s.duration, 0),
      longestSliceMs: Math.max(0, ...slices.map((s) => s.duration)),
      slices: slices.length,
      firstHighlightMs: start !== undefined && first !== undefined ? first - start : undefined,
      scanDoneMs: start !== undefined && done !== undefined ? done - start : undefined,
      roundTripsMs: performance.getEntriesByName('backstory:scan-roundtrip').map((e) => e.duration),
      ourLongTasks: ours.length,
      allLongTasks: longTasks.length,
      highlights: (registry.get('backstory-mention') ?? registry.get('backstory-mention-underline'))?.size ?? 0,
      textChars,
      textNodes,
    };
  });
}

/** The unique highlighted names on the page (what mark.js is then asked to find). */
export async function highlightedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...new Set([...(registry.get('backstory-mention') ?? registry.get('backstory-mention-underline') ?? [])].map((r) => r.toString()))];
  });
}
