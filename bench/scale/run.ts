/**
 * `npm run bench:scale` (issue 16): a Wikidata-shaped library of 500,000 entities with
 * 1,000,000 names and 50,000 articles (generate-library.ts), measured with this build and
 * the previous one (previous-build.ts) in the same run. Prints one table and writes the
 * "## Scale" section of docs/benchmarks.md. More measurers add their rows to `parts`.
 *
 * BENCH_SCALE_BROWSER=0 skips the browser rows (the matcher rows take about 2 minutes).
 */
import { execSync } from 'node:child_process';
import { BENCH_EXTENSION_DIR } from '../../tests/e2e/support/extension-browser';
import { FULL_SCALE, generateLibrary } from './generate-library';
import { measureImport, removeFiles, scaleFiles, type ImportFigures } from './measure-import';
import { measureMatcher } from './measure-matcher';
import { previousExtension, previousSource } from './previous-build';
import { type Measured, scaleEnvironment, scaleTable, writeScaleSection } from './report';

const MB = 1e6;

function p95(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}

const seconds = (ms: number | undefined): string => (ms === undefined ? '–' : (ms / 1000).toFixed(1));

const heapMb = (f: ImportFigures) => (f.heap ? (f.heap.usedBytes + (f.heap.externalBytes ?? 0)) / MB : undefined);
const hover = (f: ImportFigures) => `${p95(f.hovers)?.toFixed(0) ?? '–'} (${f.hovers.length} hovers, ${f.hoverFailures} unanswered in 5 s)`;

function importRows(before: ImportFigures, after: ImportFigures): Measured {
  const afterHeap = heapMb(after);
  const afterHover = p95(after.hovers);
  return {
    title: 'Import',
    rows: [
      {
        what: 'import, choose file → success, s',
        goal: '≤ 30',
        previous: seconds(before.totalMs),
        current: seconds(after.totalMs),
        met: after.totalMs !== undefined && after.totalMs <= 30_000,
        note: after.status.slice(0, 120),
      },
      {
        what: 'options page long tasks during the import (longest ms)',
        goal: 'none',
        previous: `${before.longTasks} (${before.maxLongTaskMs.toFixed(0)})`,
        current: `${after.longTasks} (${after.maxLongTaskMs.toFixed(0)})`,
        met: after.longTasks === 0,
      },
      {
        what: 'hover-to-card during the import, p95 ms',
        goal: '≤ 100',
        previous: hover(before),
        current: hover(after),
        met: afterHover !== undefined && afterHover <= 100 && after.hoverFailures === 0,
      },
      {
        what: 'highlighting has the new names, s after choosing the file',
        goal: '–',
        previous: seconds(before.matcherReadyMs),
        current: seconds(after.matcherReadyMs),
      },
      {
        what: 'service worker heap, library loaded, MB (JS used + array buffers)',
        goal: '≤ 150',
        previous: heapMb(before)?.toFixed(0) ?? '–',
        current: afterHeap?.toFixed(0) ?? '–',
        met: afterHeap !== undefined && afterHeap <= 150,
        note: 'after two full collections, through the DevTools protocol (worker-heap.ts)',
      },
    ],
    notes: [
      '- Import rows: headless Chromium with each build (bench mode, so the card marks its frame). 200 entities of the library are installed first and shown on a page served from 127.0.0.1; then the whole pack is chosen in the options page, and the page\'s names are hovered one after another until the success message (hover-to-card: from when the card is due, after the 250 ms intent delay, to the frame that shows it; a hover not answered in 5 s counts as unanswered). Long tasks: the options page\'s own (Long Tasks API).',
    ],
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const library = generateLibrary(FULL_SCALE);
  console.info(`Library: ${library.entities.length} entities, ${library.nameCount} names, ${library.articles.length} articles`);
  const previous = previousSource();
  const parts: Measured[] = [await measureMatcher(library, previous.dir)];
  if (process.env.BENCH_SCALE_BROWSER !== '0') {
    const files = await scaleFiles(library);
    try {
      const before = await measureImport(previousExtension(previous), files);
      console.info(`import, previous build: ${JSON.stringify(before)}`);
      const after = await measureImport(BENCH_EXTENSION_DIR, files);
      console.info(`import, this build: ${JSON.stringify(after)}`);
      parts.push(importRows(before, after));
    } finally {
      await removeFiles(files.dir);
    }
  }
  const table = scaleTable(parts);
  console.info(`\n${table}\n`);
  const current = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const chromium = execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim();
  writeScaleSection(
    'docs/benchmarks.md',
    [
      `\`npm run bench:scale\` (bench/scale/): a generated library shaped like a Wikidata import, ${library.entities.length.toLocaleString('en')} entities with ${library.nameCount.toLocaleString('en')} names and aliases and ${library.articles.length.toLocaleString('en')} articles (seeded: multi-word names, diacritics, shared names, Zipf popularity), measured with this build and the previous one in the same run (${((Date.now() - started) / 60_000).toFixed(0)} minutes).`,
      '',
      scaleEnvironment(previous.commit, current, chromium),
      '',
      table,
      '',
      ...parts.flatMap((p) => p.notes),
    ].join('\n'),
  );
  console.info('Wrote docs/benchmarks.md (## Scale)');
}

await main();
