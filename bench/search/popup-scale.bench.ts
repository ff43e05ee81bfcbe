/**
 * The popup's scale rows on their own, for a library of any size:
 * `BENCH_ENTITIES=200000 BENCH_ARTICLES=20000 BENCH_BEFORE=/path/to/previous/.output/chrome-mv3-bench
 *  npx tsx bench/search/popup-scale.bench.ts` (after `wxt build --mode bench` here and there).
 * Generates the library with bench/search/generate-kb.ts, measures both builds one after
 * the other (popup-rows.ts) and prints the rows as Markdown.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_EXTENSION_DIR } from '../../tests/e2e/support/extension-browser';
import { generateKb, generatedPack } from './generate-kb';
import { popupRows } from './popup-rows';

const entities = Number(process.env.BENCH_ENTITIES ?? 50_000);
const articles = Number(process.env.BENCH_ARTICLES ?? 10_000);
const before = process.env.BENCH_BEFORE ?? BENCH_EXTENSION_DIR;

const dir = await mkdtemp(join(tmpdir(), 'backstory-popup-scale-'));
try {
  const packPath = join(dir, 'scale.pack.json');
  await writeFile(packPath, JSON.stringify(generatedPack(generateKb({ entities, articles }))));
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const rows = await popupRows({ packPath, before, after: BENCH_EXTENSION_DIR });
  console.info(`${new Date().toISOString()}: ${entities} entities, ${articles} articles; before ${before}; load average at start ${load}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.info(['| what | goal | before | after |', '|---|---|---:|---:|', ...rows.map((r) => `| ${r.what} | ${r.goal} | ${r.before} | ${r.after} |`)].join('\n'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
