// @vitest-environment node
/**
 * `npm run pack -- wikidata`, as a subprocess: from a small dump in the real format, and
 * from a local stand-in for the Query Service answering with a response file.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../../lib/pack';

const FIXTURES = 'tests/fixtures/wikidata';
const GZ = `${FIXTURES}/dump-40.json.gz`;
const BZ2 = `${FIXTURES}/dump-40.json.bz2`;
/** tsx compiles the CLI on start: a few seconds on a busy 2-core machine. */
const CLI_TIMEOUT_MS = 60_000;

let server: Server;
let endpoint: string;
const requests: Array<{ url: string; userAgent?: string }> = [];

beforeAll(async () => {
  const answer = readFileSync(`${FIXTURES}/heads-of-state.srj.json`);
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', userAgent: req.headers['user-agent'] });
    res.writeHead(200, { 'Content-Type': 'application/sparql-results+json' });
    res.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run pack -- wikidata (the CLI, as a subprocess)', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pack-wikidata-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function cli(args: string[]) {
    try {
      const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/pack/cli.ts', 'wikidata', ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  }

  it('writes a valid pack from a bzip2 dump and prints throughput and the alias report', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(dir, 'people.pack.json');
    const result = await cli([BZ2, '-o', out, '--class', 'Q5', '--name', 'People']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Read: dump, bzip2, bzip2 by \w+;/mu);
    expect(result.stdout).toMatch(/MB\/s of JSON/u);
    expect(result.stdout).toMatch(/^ {2}common-word: \d+ \(/mu);
    expect(result.stderr).toMatch(/% of the file: 100\/100$/mu);
    const validation = validatePack(JSON.parse(await readFile(out, 'utf8')));
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.pack.pack).toMatchObject({ id: 'people', name: 'People', license: 'CC0-1.0' });
    expect(validation.pack.entities.every((e) => e.type === 'Person')).toBe(true);
  });

  it('asks a SPARQL endpoint for a ready query, with User-Agent, and keeps the query in the pack', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(dir, 'leaders.pack.json');
    const result = await cli(['--query', 'heads-of-state-and-government', '--endpoint', endpoint, '-o', out]);
    expect(result.code).toBe(0);
    expect(requests[0]?.userAgent).toMatch(/^Backstory\//u);
    expect(new URL(requests[0]?.url ?? '', endpoint).searchParams.get('query')).toContain('?itemAliases');
    const validation = validatePack(JSON.parse(await readFile(out, 'utf8')));
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.pack.entities.map((e) => e.id)).toEqual(['Q7747', 'Q159', 'Q264766']);
    expect(validation.pack.pack).toMatchObject({ wikidata: { readyQuery: 'heads-of-state-and-government', query: expect.stringContaining('SELECT') } });
  });

  it('explains itself with --help, and refuses a bad class', { timeout: CLI_TIMEOUT_MS }, async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--min-sitelinks N/u);
    const bad = await cli([GZ, '-o', join(dir, 'x.json'), '--class', 'human']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--class wants item ids such as Q5, not "human"/u);
  });
});

