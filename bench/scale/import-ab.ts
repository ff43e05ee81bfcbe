/**
 * The import rows of `npm run bench:scale` alone, the previous build and this one in turn
 * (BENCH_BASE=<commit> for the previous; both in bench mode), several rounds, with the load
 * average beside each run: `node node_modules/.bin/tsx bench/scale/import-ab.ts [rounds]`.
 * IMPORT_AB_ONLY=current|previous measures one build only. Prints one JSON line per run.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { BENCH_EXTENSION_DIR } from '../../tests/e2e/support/extension-browser';
import { FULL_SCALE, generateLibrary } from './generate-library';
import { measureImport, removeFiles, scaleFiles } from './measure-import';
import { previousExtension, previousSource } from './previous-build';

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const p95 = (values: readonly number[]) => values.toSorted((a, b) => a - b)[Math.floor(0.95 * (values.length - 1))];

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 1);
  const only = process.env.IMPORT_AB_ONLY;
  const previous = previousSource();
  const builds = [
    { name: `previous ${previous.commit}`, dir: only === 'current' ? undefined : previousExtension(previous) },
    { name: `this build ${execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()}`, dir: only === 'previous' ? undefined : BENCH_EXTENSION_DIR },
  ];
  const files = await scaleFiles(generateLibrary(FULL_SCALE));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of builds) {
        if (!build.dir) continue;
        const loadBefore = load();
        const f = await measureImport(build.dir, files);
        const writes = f.writes;
        console.info(
          JSON.stringify({
            build: build.name,
            round,
            load: `${loadBefore} → ${load()}`,
            totalS: f.totalMs === undefined ? undefined : +(f.totalMs / 1000).toFixed(1),
            stages: f.stages,
            longTasks: f.longTasks,
            maxLongTaskMs: Math.round(f.maxLongTaskMs),
            hoverP95: p95(f.hovers),
            hovers: f.hovers.length,
            hoverFailures: f.hoverFailures,
            matcherReadyS: f.matcherReadyMs === undefined ? undefined : +(f.matcherReadyMs / 1000).toFixed(1),
            firstWriteMs: writes[0]?.[0],
            lastWriteMs: writes.at(-1)?.[0],
            writeProgressEvents: writes.length,
            status: f.status.slice(0, 100),
          }),
        );
      }
    }
  } finally {
    await removeFiles(files.dir);
  }
}

await main();
