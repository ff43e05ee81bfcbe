/**
 * `npm run release`: everything a store submission needs, in .output/release/<version>/:
 * the Chrome zip, the Firefox zip (also Firefox for Android's), the sources zip with a
 * README for reviewers, the web-ext lint report, checksums, and the store listing
 * (screenshots and texts made from the Chrome build just zipped). Each target is built
 * once; tests are not run here (run `npm test` before).
 *
 * Refuses an uncommitted tree: the sources zip is the commit, so the build must be too.
 * `--allow-dirty` builds anyway, for trying the routine out, and marks the result.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { zip } from 'wxt';
import { lintFirefoxZip, KEPT_WARNINGS } from './lint-firefox';
import { quietLogger } from './quiet-logger';
import { reviewerReadme } from './reviewer-readme';
import { writeStoreListing } from './store-listing';

const run = promisify(execFile);
const allowDirty = process.argv.includes('--allow-dirty');

const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
const releaseDir = join('.output/release', version);
const git = async (...args: string[]) => (await run('git', args)).stdout.trim();

const dirty = await git('status', '--porcelain');
if (dirty && !allowDirty) {
  console.error(`The working tree has uncommitted changes; commit them first (or pass --allow-dirty to try the routine):\n${dirty}`);
  process.exit(1);
}
const commit = await git('rev-parse', 'HEAD');

await rm(releaseDir, { recursive: true, force: true });
await mkdir(releaseDir, { recursive: true });

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

// The extension zips: WXT builds each target once (into .output/<target>) and zips it.
const zips: Array<{ name: string; browser: 'chrome' | 'firefox'; sha256: string }> = [];
for (const browser of ['chrome', 'firefox'] as const) {
  const [built] = await zip({ browser, logger: quietLogger });
  const name = `backstory-${version}-${browser}.zip`;
  await rename(built!, join(releaseDir, name));
  zips.push({ name, browser, sha256: await sha256(join(releaseDir, name)) });
}

// The sources zip: the committed tree plus the reviewers' README.
const readmeDir = await mkdtemp(join(tmpdir(), 'backstory-readme-'));
const readme = join(readmeDir, 'REVIEWER-README.md');
const npmVersion = (await run('npm', ['--version'])).stdout.trim();
await writeFile(
  readme,
  (dirty ? '> NOT A RELEASE: built from a working tree with uncommitted changes.\n\n' : '') +
    reviewerReadme({ version, commit, nodeVersion: process.version, npmVersion, platform: `${process.platform} ${process.arch}`, zips }),
);
await run('git', ['archive', '--format=zip', `--add-file=${readme}`, '-o', join(releaseDir, `backstory-${version}-sources.zip`), 'HEAD']);
await rm(readmeDir, { recursive: true, force: true });

const lint = await lintFirefoxZip(join(releaseDir, `backstory-${version}-firefox.zip`));
const lintSummary = `web-ext lint (Firefox zip): ${lint.errors.length} errors, ${lint.unexpectedWarnings.length} unexpected warnings, ${lint.keptWarnings} kept warnings, ${lint.notices} notices`;
await writeFile(
  join(releaseDir, 'firefox-lint.txt'),
  [lintSummary, ...[...lint.errors, ...lint.unexpectedWarnings].map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`), '', 'Kept:', ...KEPT_WARNINGS.map((k) => `${k.count} × ${k.code} in ${k.file.source}: ${k.why}`)].join('\n') + '\n',
);
console.info(lintSummary);
if (lint.errors.length > 0 || lint.unexpectedWarnings.length > 0) {
  for (const m of [...lint.errors, ...lint.unexpectedWarnings]) console.error(`  ${m.code} ${m.file ?? ''}: ${m.message}`);
  console.error('Fix these, or keep a warning on purpose in scripts/release/lint-firefox.ts and docs/releasing.md.');
  process.exit(1);
}

await writeStoreListing(join(releaseDir, 'store'));

const zipNames = (await readdir(releaseDir)).filter((f) => f.endsWith('.zip')).sort();
await writeFile(join(releaseDir, 'SHA256SUMS'), (await Promise.all(zipNames.map(async (f) => `${await sha256(join(releaseDir, f))}  ${f}`))).join('\n') + '\n');

console.info(`\nBackstory ${version} (${commit.slice(0, 12)}${dirty ? ', uncommitted changes' : ''}) in ${releaseDir}:`);
for (const file of await listFiles(releaseDir)) {
  console.info(`  ${relative(releaseDir, file).padEnd(44)} ${(await stat(file)).size.toLocaleString('en').padStart(12)} bytes`);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().sort();
}
