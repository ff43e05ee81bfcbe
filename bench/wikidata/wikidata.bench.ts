/**
 * Wikidata benchmark (npm run bench:wikidata): writes a dump of BENCH_ENTITIES (100,000)
 * synthetic entities in the real format, then converts it from gzip and from bzip2 with
 * `npm run pack -- wikidata`, printing what docs/benchmarks.md#wikidata quotes. The import
 * into the extension is measured with `BENCH_PACK=<the pack> npm run bench:import`.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateDump } from './generate-dump';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const DIR = process.env.BENCH_DIR ?? 'artifacts/wikidata';

const started = performance.now();
const dump = await generateDump(ENTITIES, DIR);
console.info(`Dump: ${ENTITIES} entities, ${(statSync(dump.json).size / 1e6).toFixed(0)} MB of JSON, written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
for (const input of [dump.gz, dump.bz2].filter((path): path is string => path !== undefined)) {
  const out = join(DIR, `wikidata-${ENTITIES}.pack.json`);
  const t0 = performance.now();
  const summary = execFileSync('node_modules/.bin/tsx', ['scripts/pack/cli.ts', 'wikidata', input, '-o', out, '--name', `Wikidata sample, ${ENTITIES}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  console.info(`\n${input} (${((performance.now() - t0) / 1000).toFixed(1)} s wall):\n${summary}`);
}
