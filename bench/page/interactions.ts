/**
 * What a reader does after the page is scanned, measured: hovering names (warm and with
 * the service worker stopped), scrolling with the highlights painted, and the tab's
 * memory. Also the peer: mark.js finding the same names on the same page.
 */
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A neutral place to rest the pointer between hovers (top-left corner). */
const REST_POINT = { x: 2, y: 2 };
/** The default hover-intent delay (ms): latency is counted from when the popover is due. */
export const HOVER_DELAY_MS = 250;
/** Longer than the abandon delay (350 ms), so the previous popover has closed. */
const CLOSE_WAIT_MS = 450;

/** Viewport centres of painted mentions, one per distinct line, scrolled into view one at a time. */
async function mentionPoint(page: Page, index: number): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((i) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    // Whichever highlight style is on (background, the default, or underline).
    const ranges = [...(registry.get('backstory-mention') ?? registry.get('backstory-mention-underline') ?? [])];
    const range = ranges[Math.floor((ranges.length / 23) * i) % Math.max(1, ranges.length)];
    if (!range) return undefined;
    (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + rect.height / 2 } : undefined;
  }, index);
}

/**
 * From the moment the popover is due (pointer on a name plus the hover-intent delay) to
 * the frame its content shows in (ms), as the page's clock sees it.
 */
async function hoverOnce(page: Page, point: { x: number; y: number }): Promise<number | undefined> {
  await page.mouse.move(REST_POINT.x, REST_POINT.y);
  await page.waitForTimeout(CLOSE_WAIT_MS);
  const before = await page.evaluate(() => {
    (window as unknown as { benchMoveAt?: number }).benchMoveAt = undefined;
    document.addEventListener('pointermove', (e) => ((window as unknown as { benchMoveAt?: number }).benchMoveAt ??= e.timeStamp), { capture: true, once: true });
    return performance.getEntriesByName('backstory:popover-ready').length;
  });
  await page.mouse.move(point.x, point.y);
  try {
    await page.waitForFunction((n) => performance.getEntriesByName('backstory:popover-ready').length > n, before, { timeout: 5000, polling: 20 });
  } catch {
    return undefined;
  }
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('backstory:popover-ready').at(-1)!.startTime;
    return ready - (window as unknown as { benchMoveAt: number }).benchMoveAt;
  }).then((sincePointer) => sincePointer - HOVER_DELAY_MS);
}

export async function hoverLatencies(page: Page, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const point = await mentionPoint(page, i);
    if (!point) continue;
    const latency = await hoverOnce(page, point);
    if (latency !== undefined) out.push(latency);
  }
  await page.mouse.move(REST_POINT.x, REST_POINT.y);
  return out;
}

/**
 * Hover latency with the service worker stopped first, each time. The worker is stopped
 * through the DevTools protocol from an extension page (which sees the extension's worker).
 */
export async function coldHoverLatencies(
  page: Page,
  context: BrowserContext,
  extensionId: string,
  count: number,
): Promise<{ latencies: number[]; stoppedConfirmed: number }> {
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp = await context.newCDPSession(extensionPage);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
    for (const v of event.versions) if (v.scriptURL.includes(extensionId)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  // The extension page stays open (its session is the way to the worker), the measured page in front.
  await page.bringToFront();
  const latencies: number[] = [];
  let stoppedConfirmed = 0;
  for (let i = 0; i < count; i++) {
    const point = await mentionPoint(page, i + 3);
    if (!point) continue;
    await page.mouse.move(REST_POINT.x, REST_POINT.y);
    await page.waitForTimeout(CLOSE_WAIT_MS);
    statuses.length = 0;
    await stopWorkers(cdp);
    if (await waitForStatus(statuses, 'stopped')) stoppedConfirmed++;
    const latency = await hoverOnce(page, point);
    if (latency !== undefined) latencies.push(latency);
  }
  await cdp.detach().catch(() => undefined);
  await extensionPage.close();
  return { latencies, stoppedConfirmed };
}

async function stopWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

async function waitForStatus(statuses: string[], wanted: string, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (statuses.includes(wanted)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

export interface ScrollResult {
  frames: number;
  p50: number;
  p95: number;
  /** Share of frames slower than 25 ms. */
  slowShare: number;
}

/** Scrolls with the wheel for a few seconds and records the interval between frames. */
export async function scrollFrames(page: Page, steps = 50): Promise<ScrollResult> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // At the page's left margin: the wheel scrolls the page, and no name passes under the pointer (no popovers).
  await page.mouse.move(3, 400);
  // A string, not a function: the bench runs through tsx, whose name-keeping helper does not exist in the page.
  await page.evaluate(`(() => {
    const frames = [];
    window.benchFrames = frames;
    let last = performance.now();
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (frames.length < 100000 && window.benchFrames === frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(40);
  }
  const frames = await page.evaluate(() => {
    const list = (window as unknown as { benchFrames: number[] }).benchFrames.slice(1);
    (window as unknown as { benchFrames?: number[] }).benchFrames = undefined;
    return list;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { frames: frames.length, p50: at(0.5), p95: at(0.95), slowShare: frames.filter((f) => f > 25).length / Math.max(1, frames.length) };
}

/** The main thread's JavaScript heap in use after a full garbage collection (bytes; all worlds of the page). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** mark.js highlighting `names` on the page, in the page's main thread (ms). */
export async function markJsTime(page: Page, names: readonly string[]): Promise<{ ms: number; marks: number }> {
  await page.addScriptTag({ path: resolve('node_modules/mark.js/dist/mark.min.js') });
  // A string, not a function: the bench runs through tsx, whose name-keeping helper does not exist in the page.
  return page.evaluate(`new Promise((done) => {
    const start = performance.now();
    let marks = 0;
    new Mark(document.body).mark(${JSON.stringify(names)}, {
      separateWordSearch: false,
      acrossElements: true,
      diacritics: false,
      accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '?', '!', "'", '"', '(', ')', '[', ']'] },
      each: () => { marks++; },
      done: () => done({ ms: performance.now() - start, marks }),
    });
  })`);
}
