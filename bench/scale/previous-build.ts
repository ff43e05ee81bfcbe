/**
 * The build to compare with: the source at PREVIOUS_COMMIT (main when this benchmark's
 * work began; BENCH_BASE=<commit> for another), unpacked with `git archive` into a
 * temporary folder that shares this checkout's node_modules. Built once per run.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** main at the start of the scale work (issue 16). */
const PREVIOUS_COMMIT = '62f9a63';

export interface PreviousSource {
  commit: string;
  dir: string;
}

/** Unpacks the previous source (once per commit) and returns where it is. */
export function previousSource(): PreviousSource {
  const commit = execSync(`git rev-parse --short ${process.env.BENCH_BASE ?? PREVIOUS_COMMIT}`, { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `backstory-previous-${commit}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${commit} | tar -x -C ${dir}`, { stdio: 'inherit' });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  }
  return { commit, dir };
}

/** Builds the previous extension for Chromium in bench mode (its marks on; once) and returns its folder. */
export function previousExtension(source: PreviousSource): string {
  const out = join(source.dir, '.output/chrome-mv3-bench');
  if (!existsSync(join(out, 'manifest.json'))) execSync('npx wxt build --mode bench', { cwd: source.dir, stdio: 'inherit' });
  return out;
}
