/**
 * Script start alone, two builds interleaved: `BENCH_BEFORE=/path/to/previous/.output/chrome-mv3-bench
 * npx tsx bench/page/script-start.bench.ts`. Each round loads a small fixture page (the
 * starter pack's demo) in both builds, one after the other, traces it (script-start.ts),
 * and then rests the pointer on names until their cards show: the first hover, when the
 * card's code may load, and warm ones after it (bench/page/interactions.ts). On a loaded machine single figures swing by several times; many
 * interleaved rounds, medians and minima, make the two builds comparable.
 */
import { loadavg } from 'node:os';
import { BENCH_EXTENSION_DIR, highlightTexts, launchExtensionBrowser, type ExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { until } from '../../tests/e2e/support/page-tools';
import { startStaticServer } from '../../tests/e2e/support/static-server';
import { hoverLatencies } from './interactions';
import { median, ms, quantile } from './report';
import { traceScriptStart } from './script-start';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const before = process.env.BENCH_BEFORE;
if (!before) throw new Error('BENCH_BEFORE: the previous build to compare with (its .output/chrome-mv3-bench)');

interface Sample {
  /** At page load: the page script. */
  load: number;
  /** On the first hover: the card script, where it is one. */
  hover: number;
  /** Hover → card shown (ms, after the intent delay): the first hover of the page, then warm ones on other names. */
  firstHoverMs: number | undefined;
  warmHoverMs: number[];
}

/** Hovers per page after the first. */
const WARM_HOVERS = 5;

async function sample(browser: ExtensionBrowser, url: string): Promise<Sample> {
  const page = await browser.context.newPage();
  const atLoad = await traceScriptStart(page, browser.extensionId);
  await page.goto(url);
  await until(() => highlightTexts(page), (t) => t.includes('Vladimir Putin'));
  const load = [...(await atLoad.stop()).values()].reduce((a, b) => a + b, 0);
  const onHover = await traceScriptStart(page, browser.extensionId);
  const [firstHoverMs, ...warmHoverMs] = await hoverLatencies(page, 1 + WARM_HOVERS);
  const hover = [...(await onHover.stop()).values()].reduce((a, b) => a + b, 0);
  await page.close();
  return { load, hover, firstHoverMs, warmHoverMs };
}

const server = await startStaticServer(['tests/e2e/fixtures/pages']);
const builds = [
  { label: 'previous build', browser: await launchExtensionBrowser({ extensionDir: before }), samples: [] as Sample[] },
  { label: 'this build', browser: await launchExtensionBrowser({ extensionDir: BENCH_EXTENSION_DIR }), samples: [] as Sample[] },
];
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) build.samples.push(await sample(build.browser, server.url('demo.html')));
  }
} finally {
  for (const build of builds) await build.browser.close();
  await server.close();
}
const stats = (values: number[]) => `${ms(median(values))} (min ${ms(Math.min(...values))})`;
console.info(`${new Date().toISOString()}: ${ROUNDS} interleaved rounds; load average at start ${load}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
console.info('| build | script start at page load, CPU, median (min) | scripts evaluated while hovering, CPU, median (min) | first hover → card, median (min) | warm hover → card, p50 / p95 |\n|---|---:|---:|---:|---:|');
for (const build of builds) {
  const { samples } = build;
  const first = samples.flatMap((s) => (s.firstHoverMs === undefined ? [] : [s.firstHoverMs]));
  const warm = samples.flatMap((s) => s.warmHoverMs);
  console.info(
    `| ${build.label} | ${stats(samples.map((s) => s.load))} | ${stats(samples.map((s) => s.hover))} | ${stats(first)} | ${ms(quantile(warm, 0.5))} / ${ms(quantile(warm, 0.95))} (n=${warm.length}) |`,
  );
}
