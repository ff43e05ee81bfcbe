import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../pack/parse-pack';
import { validatePack } from '../../../lib/pack/validate';

const run = promisify(execFile);
const FIXTURES = 'tests/fixtures/builder';
/** tsx compiles the CLI on start: a few seconds on a busy 2-core machine. */
const CLI_TIMEOUT_MS = 60_000;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/pack/cli.ts', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run pack -- build (the CLI, as a subprocess)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pack-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a pack that passes the validator, and prints the summary', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(dir, 'freight.pack.json');
    const result = await cli(['build', `${FIXTURES}/mixed`, '--entities', `${FIXTURES}/entities.json`, '--name', 'Freight news', '-o', out]);
    expect(result.code).toBe(0);
    const validation = validatePack(JSON.parse(await readFile(out, 'utf8')));
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.pack.pack).toMatchObject({ id: 'freight', name: 'Freight news', version: '1.0.0' });
    expect(validation.pack.articles).toHaveLength(5);
    expect(result.stdout).toMatch(/^Articles: 5$/mu);
    expect(result.stdout).toMatch(/^Entities: 3$/mu);
    expect(result.stdout).toMatch(/^Mentions: 11$/mu);
    expect(result.stdout).toMatch(/Suggested entities[^\n]*\n(?:.*\n)*\s+Maria Sokolova · Person · \d+ · 2/u);
    expect(result.stdout).toMatch(/Skipped \(5\):/u);
    expect(result.stdout).toMatch(/photo\.png: not an article file/u);
    // Not a terminal here: progress comes as whole lines on stderr.
    expect(result.stderr).toMatch(/^Reading files: 5\/5$/mu);
  });

  it('writes gzip with --gzip, which reads back as the same pack', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(dir, 'freight.pack.json');
    const result = await cli(['build', `${FIXTURES}/mixed`, '--gzip', '--no-suggestions', '-o', out]);
    expect(result.code).toBe(0);
    const bytes = new Uint8Array(await readFile(`${out}.gz`));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const parsed = await parsePack(bytes);
    expect(parsed.ok).toBe(true);
    expect(result.stdout).not.toMatch(/Suggested entities/u);
  });

  it('refuses to write an invalid pack and says why', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(dir, 'bad.pack.json');
    const result = await cli(['build', `${FIXTURES}/mixed`, '--entities', `${FIXTURES}/duplicate-entities.json`, '--no-suggestions', '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Not written: the pack would not pass validation/u);
    expect(result.stderr).toMatch(/entities\[1\]\.id: .*china/u);
    await expect(stat(out)).rejects.toThrow();
  });

  it('explains its usage when called wrongly', { timeout: CLI_TIMEOUT_MS }, async () => {
    const result = await cli(['build', `${FIXTURES}/mixed`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Say where to write the pack/u);
    expect(result.stderr).toMatch(/Usage: npm run pack -- build/u);
  });
});
