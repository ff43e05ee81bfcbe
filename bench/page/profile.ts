/**
 * Where the page script's time goes, per function: a sampling CPU profile (CDP `Profiler`,
 * 100 µs) of the tab's main thread while a page loads and is scanned, and while names are
 * hovered. `npx tsx bench/page/profile.ts [page.html …]` after `npx wxt build --mode bench`
 * (build unminified for readable names: `BACKSTORY_UNMINIFIED=1 npx wxt build --mode bench`).
 * The 150k-alias pack is imported once into a profile kept under `BENCH_PROFILE_DIR`
 * (default /tmp/backstory-bench-profile), so later runs start at once; the extension's
 * path must stay the same for its id (and so its data) to stay.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BENCH_EXTENSION_DIR, launchExtensionBrowser, type ExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { setSettings } from '../../tests/e2e/support/page-tools';
import { startStaticServer } from '../../tests/e2e/support/static-server';
import { generateBenchPack } from './generate-pack';
import { generateLongArticle } from './generate-pages';
import { hoverLatencies } from './interactions';
import { collectLoad, openMeasuredPage, waitForScan } from './measure-load';
import { median, ms, quantile } from './report';

const GENERATED = resolve('bench/page/.generated');
const SAMPLES = '/work/shared/samples/pages';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? '/tmp/backstory-bench-profile';
const EXTENSION_DIR = process.env.BENCH_EXTENSION ?? BENCH_EXTENSION_DIR;
const HOVERS = Number(process.env.BENCH_HOVERS ?? 0);
/** Trace the hovers instead of sampling them: what the main thread does between a popover's open and its frame. */
const TRACE_HOVERS = process.env.BENCH_TRACE_HOVERS === '1';
const LOADS = Number(process.env.BENCH_LOADS ?? 1);
/** Highlight styles to measure, one after the other on each page (`BENCH_STYLES=underline,background`); default: as set. */
const STYLES = (process.env.BENCH_STYLES ?? '').split(',').filter(Boolean);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40);

/** Self time per function of the extension's scripts, and total time under them (ms). */
function summarize(profile: CpuProfile, extensionId: string): { ours: number; bySelf: Array<[string, number]>; byTotal: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const isOurs = (n: ProfileNode) => n.callFrame.url.includes(extensionId);
  const bySelf = new Map<string, number>();
  const byTotal = new Map<string, number>();
  let ours = 0;
  for (const [id, time] of self) {
    // The stack of this sample: is any frame ours? Then the time is ours, and counted as the nearest own frame's.
    const chain: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at)!);
    const own = chain.filter(isOurs);
    if (own.length === 0) continue;
    ours += time;
    const leaf = chain[0]!;
    const key = isOurs(leaf) ? label(leaf) : `${leaf.callFrame.functionName || '(native)'} ← ${label(own[0]!)}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + time);
    for (const name of new Set(own.map(label))) byTotal.set(name, (byTotal.get(name) ?? 0) + time);
  }
  return { ours, bySelf: top(bySelf), byTotal: top(byTotal) };
}

async function importPackOnce(browser: ExtensionBrowser): Promise<void> {
  const marker = join(PROFILE_DIR, 'backstory-imported');
  if (existsSync(marker)) return;
  const packPath = join(GENERATED, 'bench.pack.json');
  const options = await browser.openExtensionPage('options.html');
  await options.locator('input[type=file]').setInputFiles(packPath);
  await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
  await options.close();
  await writeFile(marker, 'yes');
}

async function profiled<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  return { result, profile };
}

function print(title: string, summary: ReturnType<typeof summarize>): void {
  console.info(`\n== ${title}: ${ms(summary.ours)} under the extension's frames`);
  console.info('-- self');
  for (const [name, time] of summary.bySelf.slice(0, 25)) console.info(`${time.toFixed(1).padStart(8)}  ${name}`);
  console.info('-- total');
  for (const [name, time] of summary.byTotal.slice(0, 25)) console.info(`${time.toFixed(1).padStart(8)}  ${name}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; reason?: string; nodeName?: string; nodeId?: number } };
}

/** Main-thread trace events between each popover's open mark and its ready mark, summed by name (ms; nested events counted in each). */
async function traceHovers(tab: Page, file: string): Promise<void> {
  const cdp = await tab.context().newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.invalidationTracking,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
  const latencies = await hoverLatencies(tab, HOVERS);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const opens = events.filter((e) => e.name === 'backstory:popover-open').map((e) => e.ts);
  const readies = events.filter((e) => e.name === 'backstory:popover-ready').map((e) => e.ts);
  const main = events.find((e) => e.name === 'backstory:popover-open')?.tid;
  const contents = events.filter((e) => e.name === 'backstory:popover-content').map((e) => e.ts);
  const toContent = opens.slice(1).map((o) => ((contents.find((c) => c > o) ?? Number.NaN) - o) / 1000);
  console.info(`open → content p50 ${ms(quantile(toContent, 0.5))} p95 ${ms(quantile(toContent, 0.95))}`);
  const sums = new Map<string, number>();
  const spans: number[] = [];
  for (const open of opens.slice(1)) {
    const ready = readies.find((r) => r > open);
    if (ready === undefined) continue;
    spans.push((ready - open) / 1000);
    for (const e of events) {
      if (e.tid !== main || e.ph !== 'X' || e.ts < open || e.ts > ready) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
  }
  console.info(`\n${file}: hover → card p50 ${ms(quantile(latencies.slice(1), 0.5))} p95 ${ms(quantile(latencies.slice(1), 0.95))}; open → ready p50 ${ms(quantile(spans, 0.5))} p95 ${ms(quantile(spans, 0.95))} (n=${spans.length}); main-thread events inside, summed over the hovers:`);
  for (const [name, time] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.info(`${time.toFixed(1).padStart(8)}  ${name}`);
  // What the rendering steps run inside (a forced update from script, or the frame's own).
  const parents = new Map<string, number>();
  for (const e of events) {
    if (e.tid !== main || e.ph !== 'X' || !['PrePaint', 'Layout'].includes(e.name) || !opens.some((o) => e.ts >= o && e.ts <= (readies.find((r) => r > o) ?? 0))) continue;
    const around = events.filter((p) => p !== e && p.tid === main && p.ph === 'X' && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0)).map((p) => p.name);
    const key = `${e.name} in ${around.join(' > ') || '(top)'}`;
    parents.set(key, (parents.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  for (const [name, time] of [...parents].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.info(`${time.toFixed(1).padStart(8)}  ${name}`);
  // What invalidated layout, paint and style while a card opened (invalidation tracking).
  const reasons = new Map<string, number>();
  for (const e of events) {
    if (!e.name.endsWith('InvalidationTracking') || !opens.some((o) => e.ts >= o && e.ts <= (readies.find((r) => r > o) ?? 0))) continue;
    const key = `${e.name}: ${e.args?.data?.reason ?? ''} ${e.args?.data?.nodeName ?? ''}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  for (const [name, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.info(`${String(count).padStart(8)}× ${name}`);
}

await mkdir(GENERATED, { recursive: true });
if (!existsSync(join(GENERATED, 'bench.pack.json')) || !existsSync(join(GENERATED, 'long.html'))) {
  const pack = generateBenchPack();
  await writeFile(join(GENERATED, 'bench.pack.json'), pack.json);
  await writeFile(join(GENERATED, 'long.html'), generateLongArticle([...pack.featuredNames, ...pack.otherNames.slice(0, 3000)]));
}
await mkdir(PROFILE_DIR, { recursive: true });
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['long.html', 'wikipedia-list_9_11_victims.html'];
const server = await startStaticServer([GENERATED, SAMPLES]);
const browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, userDataDir: PROFILE_DIR });
try {
  await importPackOnce(browser);
  // The first scan after a start may wait for the matcher: one load unmeasured.
  const warm = await openMeasuredPage(browser.context, server.origin);
  await warm.goto(server.url('long.html'));
  await waitForScan(warm, 120_000);
  await warm.close();
  for (const [file, style] of files.flatMap((f) => (STYLES.length > 0 ? STYLES : ['']).map((s) => [f, s] as const))) {
    if (style) {
      await setSettings(browser, { highlightStyle: style });
      await new Promise((r) => setTimeout(r, 300));
      console.info(`\n##### highlight style: ${style}`);
    }
    const totals: number[] = [];
    for (let run = 0; run < LOADS; run++) {
      const tab = await openMeasuredPage(browser.context, server.origin);
      const { profile } = await profiled(tab, async () => {
        await tab.goto(server.url(file), { waitUntil: 'load' });
        await waitForScan(tab);
      });
      const load = await collectLoad(tab);
      totals.push(load.mainThreadMs);
      console.info(`\n${file}: slices ${ms(load.mainThreadMs)} in ${load.slices}, longest ${ms(load.longestSliceMs)}, highlights ${load.highlights}, text nodes ${load.textNodes}, first highlight ${ms(load.firstHighlightMs)}, done ${ms(load.scanDoneMs)}`);
      if (run === 0) print(`${file}, load and scan`, summarize(profile, browser.extensionId));
      if (run === 0 && HOVERS > 0 && TRACE_HOVERS) await traceHovers(tab, file);
      else if (run === 0 && HOVERS > 0) {
        const { result, profile: hoverProfile } = await profiled(tab, () => hoverLatencies(tab, HOVERS));
        console.info(`\n${file}: hover → card p50 ${ms(quantile(result.slice(1), 0.5))} p95 ${ms(quantile(result.slice(1), 0.95))} (n=${result.length - 1}, first ${ms(result[0])})`);
        print(`${file}, hovers`, summarize(hoverProfile, browser.extensionId));
      }
      await tab.close();
    }
    if (LOADS > 1) console.info(`${file}: slices median ${ms(median(totals))} over ${LOADS} loads: ${totals.map((t) => t.toFixed(1)).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
