import type { KnipConfig } from 'knip';

/**
 * Unused files, exports and dependencies fail `npm run lint` (knip, then knip --production).
 * Entries marked `!` are what ships: `knip --production` follows only those, so an export
 * that only tests or benchmarks use is reported there.
 */
const PRODUCTION = process.argv.includes('--production');

const config: KnipConfig = {
  // WXT's plugin takes every file under entrypoints/ as an entry, which hides their unused
  // exports; the real entries are these (an HTML page's script is its main.tsx).
  wxt: false,
  entry: [
    'wxt.config.ts',
    'entrypoints/*.ts!',
    'entrypoints/*/index.ts!',
    'entrypoints/*/main.tsx!',
    'entrypoints/*/main.ts!',
    'workers/*.worker.ts!',
    'bench/**/*.bench.ts',
    'bench/page/run.ts',
    'bench/page/profile.ts',
    'bench/page/prepaint-probe.ts',
    'bench/scale/run.ts',
    // The import at scale alone: two builds in turn, its CPU stages in Node, a profile of its worker.
    'bench/scale/import-ab.ts',
    'bench/scale/import-cpu.ts',
    'bench/scale/profile-import.ts',
    'bench/peer-worker.mjs',
    // The pack builder and schema generator ship to pack authors.
    'scripts/**/*.ts!',
    'tests/**/*.test.{ts,tsx}',
    'tests/**/*.e2e.ts',
    'tests/**/*.firefox.ts',
    'tests/support/*.ts',
    'tests/e2e/fixtures/**/*.{ts,js}',
  ],
  project: ['{lib,entrypoints,components,workers,utils,hooks}/**/*.{ts,tsx}!', 'scripts/**/*.ts!', '{bench,tests}/**/*.{ts,tsx,js,mjs}', '*.ts'],
  // A type exported beside the function whose signature uses it is part of that API. In
  // production mode a tested helper that its own module calls is fine too: what is reported
  // there is code that nothing shipped calls at all.
  ignoreExportsUsedInFile: PRODUCTION ? true : { interface: true, type: true },
  // mark.js is injected into pages by path (bench/page/interactions.ts); mount/umount are
  // system tools the fault tests call; wxt and tsx are dev tools, which production mode leaves out;
  // bzip2 (like lbzip2) is an optional system decoder the Wikidata dump reader uses when present.
  ignoreDependencies: ['mark.js'],
  ignoreBinaries: PRODUCTION ? ['mount', 'umount', 'wxt', 'tsx', 'bzip2'] : ['mount', 'umount', 'bzip2'],
};

export default config;
