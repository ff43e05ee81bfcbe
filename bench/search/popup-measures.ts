/**
 * The popup's measures in real Chromium, shared by \`npm run bench:popup\` (popup.bench.ts)
 * and the scale rows (popup-rows.ts): open to usable, keydown to results painted, heap.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { stopServiceWorker } from '../../tests/e2e/support/service-worker';
import { TYPED_QUERIES } from './generate-kb';

export const OPENINGS = 5;
const INDEX_TIMEOUT_MS = 300_000;
/** How long to wait for the popup's own copy; an older build never loads one (`BENCH_COPY_TIMEOUT_MS=1` when measuring it). */
const COPY_TIMEOUT_MS = Number(process.env.BENCH_COPY_TIMEOUT_MS ?? 60_000);
/** About five keys a second. */
const KEY_GAP_MS = 120;
/**
 * Plus a random part of one 60 Hz frame: with a fixed gap every keydown landed at about
 * the same point of the display's frame (the wait for the previous results ends in a
 * frame callback), and results are painted at the next frame, so the figures depended on
 * that arbitrary phase (measured: the wait for the next frame was 7-8 ms for almost every
 * key in one run and under 1 ms in another). A person's keys are not locked to the display.
 */
const KEY_JITTER_MS = 1000 / 60;

interface Mark {
  startTime: number;
  detail: unknown;
}


export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function markAfter(page: Page, name: string, timeout = INDEX_TIMEOUT_MS): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 20 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
}

export const usableAfter = (page: Page) => markAfter(page, 'backstory:usable');

export async function openToUsable(browser: ExtensionBrowser, path: string, options: { asleep: boolean; helper: Page; copyLoaded?: number[] }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    // A popup that answers without the background leaves it asleep: nothing to stop then.
    if (options.asleep) await stopServiceWorker(browser, options.helper).catch((error: unknown) => {
      if (!String(error).includes('No service worker to stop')) throw error;
    });
    const page = await browser.openExtensionPage(path);
    times.push(await usableAfter(page));
    // NaN for a build without the mark (an older one, measured for comparison).
    if (options.copyLoaded) options.copyLoaded.push(await markAfter(page, 'backstory:local-index', COPY_TIMEOUT_MS).catch(() => Number.NaN));
    await page.close();
  }
  return times;
}

export interface Keystroke {
  ms: number;
  /** Typed after the popup's own copy of the index was loaded (hybrid only). */
  afterCopy: boolean;
}

/** Types each query key by key; per key, keydown to the results for the new text painted. */
export async function keystrokes(page: Page, random: () => number): Promise<Keystroke[]> {
  await page.evaluate(() => {
    const w = window as unknown as { keydowns: number[] };
    w.keydowns = [];
    addEventListener('keydown', (e) => w.keydowns.push(e.timeStamp), { capture: true });
  });
  const box = page.getByRole('combobox', { name: 'Search your library' });
  const latencies: Keystroke[] = [];
  for (const query of TYPED_QUERIES) {
    await box.fill('');
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      await page.keyboard.press(query[i - 1] === ' ' ? 'Space' : query[i - 1]!);
      const latency = await page.waitForFunction(
        (q) => {
          const keydown = (window as unknown as { keydowns: number[] }).keydowns.at(-1)!;
          const mark = (performance.getEntriesByName('backstory:results') as unknown as Mark[]).find((m) => m.detail === q && m.startTime > keydown);
          const copy = performance.getEntriesByName('backstory:local-index')[0];
          return mark ? { ms: mark.startTime - keydown, afterCopy: copy !== undefined && copy.startTime < keydown } : undefined;
        },
        text,
        { timeout: 30_000, polling: 'raf' },
      );
      latencies.push((await latency.jsonValue()) as Keystroke);
      await page.waitForTimeout(KEY_GAP_MS + random() * KEY_JITTER_MS);
    }
  }
  return latencies;
}
