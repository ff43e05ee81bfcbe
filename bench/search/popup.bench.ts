/**
 * `npm run bench:popup`: the popup in real Chromium with the built extension and a
 * library of 10,000 articles and 50,000 entities (imported through the options page, as a
 * user would). Measures, for both places the index can live (the background, asked by
 * message; or loaded by the popup itself from IndexedDB):
 * - popup open to usable: navigation start to the 'backstory:usable' mark (the popup can
 *   answer a search), with the service worker awake and asleep;
 * - per keystroke: keydown to results painted (the 'backstory:results' mark, set after
 *   the frame that shows them), typing realistic queries key by key.
 * Prints Markdown.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { generateKb, generatedPack, TYPED_QUERIES } from './generate-kb';

const OPENINGS = 5;
const IMPORT_TIMEOUT_MS = 300_000;
const INDEX_TIMEOUT_MS = 300_000;

interface Mark {
  startTime: number;
  detail: unknown;
}

const f = (ms: number) => ms.toFixed(0);
const f1 = (ms: number) => ms.toFixed(1);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function usableAfter(page: Page, timeout = INDEX_TIMEOUT_MS): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:usable').length > 0, undefined, { timeout, polling: 20 });
  return page.evaluate(() => performance.getEntriesByName('backstory:usable')[0]!.startTime);
}

/** Stops the extension's service worker, as Chromium does after 30 s idle. */
async function stopServiceWorker(browser: ExtensionBrowser, anyPage: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(anyPage);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
  if (!worker) throw new Error('No service worker to stop');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  for (let i = 0; i < 100; i++) {
    const { targetInfos: now } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
    if (!now.some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await cdp.detach();
}

async function openToUsable(browser: ExtensionBrowser, path: string, options: { asleep: boolean; helper: Page }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < OPENINGS; i++) {
    if (options.asleep) await stopServiceWorker(browser, options.helper);
    const page = await browser.openExtensionPage(path);
    times.push(await usableAfter(page));
    await page.close();
  }
  return times;
}

/** Types each query key by key; per key, keydown to the results for the new text painted. */
async function keystrokes(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { keydowns: number[] };
    w.keydowns = [];
    addEventListener('keydown', (e) => w.keydowns.push(e.timeStamp), { capture: true });
  });
  const box = page.getByRole('combobox', { name: 'Search your library' });
  const latencies: number[] = [];
  for (const query of TYPED_QUERIES) {
    await box.fill('');
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      await page.keyboard.press(query[i - 1] === ' ' ? 'Space' : query[i - 1]!);
      const latency = await page.waitForFunction(
        (q) => {
          const keydown = (window as unknown as { keydowns: number[] }).keydowns.at(-1)!;
          const mark = (performance.getEntriesByName('backstory:results') as unknown as Mark[]).find((m) => m.detail === q && m.startTime > keydown);
          return mark ? mark.startTime - keydown : undefined;
        },
        text,
        { timeout: 30_000, polling: 'raf' },
      );
      latencies.push((await latency.jsonValue()) as number);
      // A person types about five keys a second.
      await page.waitForTimeout(120);
    }
  }
  return latencies;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  const packPath = join(dir, 'bench.pack.json');
  const kb = generateKb();
  await writeFile(packPath, JSON.stringify(generatedPack(kb)));
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const browser = await launchExtensionBrowser();
  const rows: string[] = [];
  try {
    const options = await browser.openExtensionPage('options.html');
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor({ timeout: 60_000 });
    let t = performance.now();
    await options.locator('input[type=file]').setInputFiles(packPath);
    await options.getByText('Imported Benchmark library').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const importMs = performance.now() - t;

    // First opening after the import: the background builds the index (and stores it).
    t = performance.now();
    const first = await browser.openExtensionPage('popup.html');
    await usableAfter(first);
    const buildMs = performance.now() - t;
    await first.close();

    const warm = await openToUsable(browser, 'popup.html', { asleep: false, helper: options });
    const asleep = await openToUsable(browser, 'popup.html', { asleep: true, helper: options });
    const local = await openToUsable(browser, 'popup.html?index=local', { asleep: false, helper: options });

    const typing = await browser.openExtensionPage('popup.html');
    await usableAfter(typing);
    const viaBackground = await keystrokes(typing);
    await typing.close();
    const typingLocal = await browser.openExtensionPage('popup.html?index=local');
    await usableAfter(typingLocal);
    const inPopup = await keystrokes(typingLocal);
    await typingLocal.close();

    rows.push(
      `${new Date().toISOString()}; Chromium ${browser.context.browser()?.version() ?? '(persistent context)'}; ${cpus().length} CPUs, load average at start ${load}.`,
      '',
      `Library: ${kb.entities.length} entities, ${kb.articles.length} articles, plus the starter pack. Import through the options page: ${f(importMs)} ms; first index build in the background after it: ${f(buildMs)} ms.`,
      '',
      '| popup open → usable (ms) | median | min | max |',
      '|---|---:|---:|---:|',
      `| index in the background, worker awake | ${f(percentile(warm, 50))} | ${f(Math.min(...warm))} | ${f(Math.max(...warm))} |`,
      `| index in the background, worker asleep | ${f(percentile(asleep, 50))} | ${f(Math.min(...asleep))} | ${f(Math.max(...asleep))} |`,
      `| index loaded by the popup from IndexedDB | ${f(percentile(local, 50))} | ${f(Math.min(...local))} | ${f(Math.max(...local))} |`,
      '',
      `| keydown → results painted (ms), ${viaBackground.length} keys | p50 | p95 | max |`,
      '|---|---:|---:|---:|',
      `| index in the background (message per keystroke) | ${f1(percentile(viaBackground, 50))} | ${f1(percentile(viaBackground, 95))} | ${f1(Math.max(...viaBackground))} |`,
      `| index in the popup | ${f1(percentile(inPopup, 50))} | ${f1(percentile(inPopup, 95))} | ${f1(Math.max(...inPopup))} |`,
    );
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.info(rows.join('\n'));
}

await main();
