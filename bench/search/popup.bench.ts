/**
 * `npm run bench:popup`: the popup in real Chromium with the built extension and a
 * library of 10,000 articles and 50,000 entities (imported through the options page, as a
 * user would). Measures what ships (hybrid: the background answers while the popup loads
 * its own copy of the index, then the popup answers) against the alternatives (the
 * background answers every search; the popup loads the index itself before answering):
 * - popup open to usable: navigation start to the 'backstory:usable' mark (the popup can
 *   answer a search), with the service worker awake and asleep; and to the
 *   'backstory:local-index' mark (the popup's own copy is loaded);
 * - per keystroke: keydown to results painted (the 'backstory:results' mark, set in the
 *   animation frame that paints them), typing realistic queries key by key right after
 *   the popup is usable.
 * Prints Markdown. `BENCH_ONLY=hybrid,...` limits the keystroke runs (names as in MODES).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_EXTENSION_DIR, launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { seededRandom } from '../random';
import { generateKb, generatedPack } from './generate-kb';
import { type Keystroke, keystrokes, openToUsable, OPENINGS, percentile, usableAfter } from './popup-measures';

const IMPORT_TIMEOUT_MS = 300_000;

/** Where the index lives, by the popup's `?index=` (bench build only: bench/search/popup-search-sources.ts). */
const MODES = [
  { name: 'hybrid', label: 'hybrid (ships): background, then the popup\'s own copy', query: '' },
  { name: 'background', label: 'background only (a runtime message per keystroke)', query: '?index=background' },
  { name: 'local', label: 'popup only (loads the index before answering)', query: '?index=local' },
] as const;

const f = (ms: number) => ms.toFixed(0);
const f1 = (ms: number) => ms.toFixed(1);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  const packPath = join(dir, 'bench.pack.json');
  const kb = generateKb();
  await writeFile(packPath, JSON.stringify(generatedPack(kb)));
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  // `npx tsx bench/search/popup.bench.ts [extensionDir]`: another build (the previous one, for comparison).
  const browser = await launchExtensionBrowser({ extensionDir: process.argv[2] ?? BENCH_EXTENSION_DIR });
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

    const copyLoaded: number[] = [];
    const warm = await openToUsable(browser, 'popup.html', { asleep: false, helper: options, copyLoaded });
    const asleep = await openToUsable(browser, 'popup.html', { asleep: true, helper: options });
    const local = await openToUsable(browser, 'popup.html?index=local', { asleep: false, helper: options });
    const loadAfterOpening = `${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

    const only = process.env.BENCH_ONLY?.split(',');
    const typed: Array<{ label: string; keys: Keystroke[] }> = [];
    for (const mode of MODES.filter((m) => !only || only.includes(m.name))) {
      const page = await browser.openExtensionPage(`popup.html${mode.query}`);
      await usableAfter(page);
      // The same key timings for every mode.
      typed.push({ label: mode.label, keys: await keystrokes(page, seededRandom(7)) });
      await page.close();
    }

    const stats = (ms: number[]) => `${f1(percentile(ms, 50))} | ${f1(percentile(ms, 95))} | ${f1(Math.max(...ms))}`;
    rows.push(
      `${new Date().toISOString()}; Chromium ${browser.context.browser()?.version() ?? '(persistent context)'}; ${cpus().length} CPUs, load average at start ${load}; after the openings ${loadAfterOpening}; at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
      '',
      `Library: ${kb.entities.length} entities, ${kb.articles.length} articles, plus the starter pack. Import through the options page: ${f(importMs)} ms; first index build in the background after it: ${f(buildMs)} ms.`,
      '',
      `| popup open → usable (ms), ${OPENINGS} openings | median | min | max |`,
      '|---|---:|---:|---:|',
      `| hybrid, worker awake | ${f(percentile(warm, 50))} | ${f(Math.min(...warm))} | ${f(Math.max(...warm))} |`,
      `| hybrid, worker asleep | ${f(percentile(asleep, 50))} | ${f(Math.min(...asleep))} | ${f(Math.max(...asleep))} |`,
      `| hybrid, worker awake: open → the popup's own copy loaded | ${f(percentile(copyLoaded, 50))} | ${f(Math.min(...copyLoaded))} | ${f(Math.max(...copyLoaded))} |`,
      `| popup only (loads the index from IndexedDB) | ${f(percentile(local, 50))} | ${f(Math.min(...local))} | ${f(Math.max(...local))} |`,
      '',
      `| keydown → results painted (ms), ${typed[0]?.keys.length ?? 0} keys from the moment the popup is usable | p50 | p95 | max |`,
      '|---|---:|---:|---:|',
      ...typed.map(({ label, keys }) => `| ${label} | ${stats(keys.map((k) => k.ms))} |`),
      ...typed
        .filter(({ keys }) => keys.some((k) => k.afterCopy))
        .flatMap(({ label, keys }) => {
          const after = keys.filter((k) => k.afterCopy).map((k) => k.ms);
          const before = keys.filter((k) => !k.afterCopy).map((k) => k.ms);
          return [
            `| ${label}: the ${before.length} keys typed before the copy was loaded | ${before.length > 0 ? stats(before) : '– | – | –'} |`,
            `| ${label}: the ${after.length} keys typed after | ${stats(after)} |`,
          ];
        }),
    );
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.info(rows.join('\n'));
}

await main();
