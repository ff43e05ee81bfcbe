/**
 * The import at scale in real Chromium, per build: a small library is installed and a
 * page served from 127.0.0.1 shows its names; then the 1M-name pack is imported through
 * the options page while the names on the page are hovered again and again. Measures
 * choose file → success, the options page's long tasks, hover-to-card during the import,
 * when highlighting has the new names, and the service worker's heap afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, waitForHighlights } from '../../tests/e2e/support/extension-browser';
import { startStaticServer } from '../../tests/e2e/support/static-server';
import { installProbe, type ProbeResult } from '../import/probe';
import { hoverLatencies } from '../page/interactions';
import { libraryPack, type ScaleLibrary } from './generate-library';
import { workerHeap, type WorkerHeap } from './worker-heap';

const IMPORT_TIMEOUT_MS = 900_000;
/** Entities of the library installed first, whose names the page shows. */
const BEFORE_ENTITIES = 200;

export interface ImportFigures {
  totalMs?: number;
  status: string;
  longTasks: number;
  maxLongTaskMs: number;
  maxLagMs: number;
  /** Stage → ms after choosing the file when it showed as current. */
  stages: Record<string, number>;
  /** Each long task of the options page: ms after choosing the file, duration ms. */
  longTaskAt: Array<[number, number]>;
  /** Hover-to-card latencies during the import (ms after the intent delay); missing hovers count as failures. */
  hovers: number[];
  hoverFailures: number;
  /** [ms after choosing the file, rows written] as the Write stage reported them. */
  writes: Array<[number, number]>;
  matcherReadyMs?: number;
  heap?: WorkerHeap;
}

type Probe = { backstoryProbe: ProbeResult };

/** Files for one run: the small library, the big pack, and the page. */
export async function scaleFiles(library: ScaleLibrary): Promise<{ dir: string; before: string; big: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-scale-'));
  const shown = library.entities.slice(0, BEFORE_ENTITIES);
  const before = join(dir, 'before.pack.json');
  await writeFile(before, libraryPack({ entities: shown, articles: library.articles.filter((a) => shown.some((e) => (a.about as string[])[0] === e.id)).slice(0, 50), nameCount: 0 }, 'bench-scale-before'));
  const big = join(dir, 'scale.pack.json');
  await writeFile(big, libraryPack(library));
  const paragraphs = shown.map((e, i) => `<p>Report ${i}: officials met ${e.name} on Tuesday to discuss the plan, and the talks went on.</p>`);
  await writeFile(join(dir, 'page.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scale</title></head><body><main>${paragraphs.join('\n')}</main></body></html>`);
  return { dir, before, big };
}

async function importFile(options: Page, file: string): Promise<ProbeResult> {
  await options.evaluate(installProbe);
  await options.locator('input[type=file]').first().setInputFiles(file);
  await options.waitForFunction(() => (globalThis as unknown as Probe).backstoryProbe.end > 0, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 500 });
  return options.evaluate(() => (globalThis as unknown as Probe).backstoryProbe);
}

/** One build's run. */
export async function measureImport(extensionDir: string, files: { dir: string; before: string; big: string }): Promise<ImportFigures> {
  const browser = await launchExtensionBrowser({ extensionDir });
  const server = await startStaticServer([files.dir]);
  try {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('list', { name: 'Installed packs' }).waitFor();
    // tsx (esbuild) wraps named functions in a `__name` helper that the page does not have.
    await options.evaluate('globalThis.__name = (f) => f');
    await importFile(options, files.before);
    await options.reload();
    await options.getByRole('list', { name: 'Installed packs' }).waitFor();
    await options.evaluate('globalThis.__name = (f) => f');
    const page = await browser.context.newPage();
    await page.goto(server.url('/page.html'));
    await page.evaluate('globalThis.__name = (f) => f');
    // Only what the reader can see is read (a screenful of the paragraphs).
    await waitForHighlights(page, 10);

    await options.evaluate(installProbe);
    await options.locator('input[type=file]').first().setInputFiles(files.big);
    const hovers: number[] = [];
    let hoverFailures = 0;
    const done = () => options.evaluate(() => (globalThis as unknown as Probe).backstoryProbe.end > 0);
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    while (!(await done()) && Date.now() < deadline) {
      const batch = await hoverLatencies(page, 4);
      hovers.push(...batch);
      hoverFailures += 4 - batch.length;
    }
    const probe = await options.evaluate(() => (globalThis as unknown as Probe).backstoryProbe);
    const acknowledged = await options
      .waitForFunction(() => performance.getEntriesByName('backstory:kb-changed-acknowledged').at(-1)?.startTime, undefined, { timeout: 300_000, polling: 250 })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => undefined);
    const heap = probe.end > 0 ? await workerHeap(browser.context, browser.extensionId).catch(() => undefined) : undefined;
    return {
      totalMs: probe.end > 0 ? probe.end - probe.start : undefined,
      status: probe.status,
      longTasks: probe.longTasks,
      maxLongTaskMs: probe.maxLongTaskMs,
      maxLagMs: probe.maxLagMs,
      stages: Object.fromEntries(Object.entries(probe.stages).map(([stage, at]) => [stage, Math.round(at - probe.start)])),
      longTaskAt: probe.longTaskAt,
      hovers,
      hoverFailures,
      writes: probe.writes,
      matcherReadyMs: acknowledged === undefined ? undefined : acknowledged - probe.start,
      heap,
    };
  } finally {
    await server.close();
    await browser.close();
  }
}

export async function removeFiles(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
