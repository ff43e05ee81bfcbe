/**
 * Import benchmark (npm run bench:import): generates a pack of 10,000 articles and
 * 50,000 entities, imports it through the options page of the built extension in real
 * Chromium, and measures each stage as the user sees it and whether the page stayed
 * responsive; then scrolls the library's lists. Writes "## Import" in docs/benchmarks.md.
 *
 * BENCH_PACK=path imports that pack instead (a names pack from `npm run pack -- wikidata`,
 * say) and only prints the figures: the "## Import" section stays about the generated pack.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { generatePack } from './generate-pack';
import { idleLag, installProbe, rawWriteFloor, type ProbeResult } from './probe';
import { writeImportSection } from './report';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
/** Names each generated article's body holds, so about as many mentions (generate-pack.ts). */
const NAMES_PER_ARTICLE = 6;
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 50_000);
const BUDGET_MS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const IMPORT_TIMEOUT_MS = 180_000;
/** A given pack to import instead of the generated one. */
const PACK_FILE = process.env.BENCH_PACK;

interface RunResult extends ProbeResult {
  totalMs: number;
  /** The same measures on the idle page for as long as the import took: the machine's own noise. */
  idle: { maxLagMs: number; lateTicks: number; longTasks: number };
  /** The same rows written with bare IndexedDB right after, in ms. */
  rawFloorMs: number;
  /** From choosing the file to the background's answer that the page matcher has the new names. */
  matcherReadyMs?: number;
}

async function importOnce(file: string): Promise<{ run: RunResult; list: ListResult }> {
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.openExtensionPage('options.html');
    await page.getByRole('list', { name: 'Installed packs' }).waitFor();
    // tsx (esbuild) wraps named functions in a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(installProbe);
    await page.locator('input[type=file]').first().setInputFiles(file);
    await page.waitForFunction(() => (globalThis as unknown as { backstoryProbe: ProbeResult }).backstoryProbe.end > 0, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 250 });
    const probe = await page.evaluate(() => (globalThis as unknown as { backstoryProbe: ProbeResult }).backstoryProbe);
    const totalMs = probe.end - probe.start;
    const acknowledged = await page
      .waitForFunction(() => performance.getEntriesByName('backstory:kb-changed-acknowledged')[0]?.startTime, undefined, { timeout: 60_000, polling: 50 })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => undefined);
    const matcherReadyMs = acknowledged === undefined ? undefined : acknowledged - probe.start;
    const idle = await page.evaluate(idleLag, totalMs);
    // The floor is for the generated pack's rows; a given pack has other rows.
    const rawFloorMs = PACK_FILE ? Number.NaN : await page.evaluate(rawWriteFloor, { entities: ENTITIES, articles: ARTICLES, mentionsPerArticle: NAMES_PER_ARTICLE });
    const run = { ...probe, totalMs, idle, rawFloorMs, matcherReadyMs };
    const list = await scrollLists(page);
    return { run, list };
  } finally {
    await browser.close();
  }
}

interface ListResult {
  entitiesFirstRowMs: number;
  entitiesCount: string;
  renderedRows: number;
  scrollMaxFrameGapMs: number;
}

/** Opens the entity list (50,000 rows) and scrolls it to the end with the wheel, watching frames. */
async function scrollLists(page: import('playwright-core').Page): Promise<ListResult> {
  const t0 = Date.now();
  await page.goto(page.url().replace(/#.*$/u, '') + '#/entities');
  await page.evaluate('globalThis.__name = (f) => f');
  await page.getByRole('list', { name: 'Entities' }).getByRole('link').first().waitFor({ timeout: 60_000 });
  const entitiesFirstRowMs = Date.now() - t0;
  const entitiesCount = await page.getByRole('status').filter({ hasText: /entities$/u }).innerText();
  await page.evaluate(() => {
    const g = globalThis as unknown as { backstoryFrames: { last: number; maxGap: number; on: boolean } };
    g.backstoryFrames = { last: performance.now(), maxGap: 0, on: true };
    const tick = (t: number) => {
      g.backstoryFrames.maxGap = Math.max(g.backstoryFrames.maxGap, t - g.backstoryFrames.last);
      g.backstoryFrames.last = t;
      if (g.backstoryFrames.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const list = page.locator('.virtual-list');
  await list.hover();
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(30);
  }
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await page.waitForTimeout(300);
  const scrollMaxFrameGapMs = await page.evaluate(() => {
    const g = globalThis as unknown as { backstoryFrames: { maxGap: number; on: boolean } };
    g.backstoryFrames.on = false;
    return g.backstoryFrames.maxGap;
  });
  const renderedRows = await list.locator('li').count();
  return { entitiesFirstRowMs, entitiesCount, renderedRows, scrollMaxFrameGapMs };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  const file = PACK_FILE ?? join(dir, `generated-${ARTICLES}.pack.json`);
  const json = PACK_FILE ? '' : JSON.stringify(generatePack({ articles: ARTICLES, entities: ENTITIES, namesPerArticle: NAMES_PER_ARTICLE }));
  if (PACK_FILE) console.info(`Pack: ${PACK_FILE}`);
  else {
    await writeFile(file, json);
    console.info(`Pack: ${ARTICLES} articles, ${ENTITIES} entities, ${(json.length / 1e6).toFixed(1)} MB`);
  }
  const results: Array<{ run: RunResult; list: ListResult }> = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const result = await importOnce(file);
      results.push(result);
      const r = result.run;
      console.info(
        `run ${i + 1}: total ${r.totalMs.toFixed(0)} ms; stages ${JSON.stringify(Object.fromEntries(Object.entries(r.stages).map(([k, v]) => [k, Math.round(v - r.start)])))}; max timer lag ${r.maxLagMs.toFixed(0)} ms; late ticks ${r.lateTicks}; long tasks ${r.longTasks} (longest ${r.maxLongTaskMs.toFixed(0)} ms); max frame gap ${r.maxFrameGapMs.toFixed(0)} ms; ${r.status}`,
      );
      console.info(`        bare IndexedDB, same rows: ${r.rawFloorMs.toFixed(0)} ms; highlighting ready after ${r.matcherReadyMs?.toFixed(0) ?? '?'} ms`);
      console.info(`        idle page for as long: ${JSON.stringify(r.idle)}`);
      console.info(`        writes [ms, rows]: ${JSON.stringify(r.writes.filter((_, j) => j % 5 === 0))}`);
      console.info(`        late ticks at [ms after start, ms late]: ${JSON.stringify(r.lateAt)}`);
      console.info(`        list: ${JSON.stringify(result.list)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (PACK_FILE) return;
  writeImportSection('docs/benchmarks.md', { articles: ARTICLES, entities: ENTITIES, megabytes: json.length / 1e6, budgetMs: BUDGET_MS, results });
}

await main();
