/**
 * One table for `npm run bench:scale`, built from the rows of several measurers (the
 * matcher, the import, the service worker, the popup…), each row a goal of issue 16
 * with the previous build's figure beside this build's. Written to the console and to
 * the "## Scale" section of docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface ScaleRow {
  /** What is measured ("compiled matcher at 1M names, MB"). */
  what: string;
  /** The goal, as the issue words it ("≤ 48"). */
  goal: string;
  /** The previous build's figure, formatted; '–' when not measured. */
  previous: string;
  current: string;
  /** Whether this build meets the goal; undefined when not judged. */
  met?: boolean;
  note?: string;
}

/** A measurer gives rows, plus free lines (method, where the time goes) for the section. */
export interface Measured {
  title: string;
  rows: ScaleRow[];
  notes: string[];
}

const verdict = (met: boolean | undefined): string => (met === undefined ? '' : met ? 'met' : '**missed**');

/** The table of every measurer's rows, in the order given. */
export function scaleTable(parts: readonly Measured[]): string {
  const lines = ['| what | goal | previous build | this build | | note |', '|---|---|---:|---:|---|---|'];
  for (const part of parts) {
    for (const row of part.rows) {
      lines.push(`| ${row.what} | ${row.goal} | ${row.previous} | ${row.current} | ${verdict(row.met)} | ${row.note ?? ''} |`);
    }
  }
  return lines.join('\n');
}

/** Machine, versions and load, as Markdown lines. */
export function scaleEnvironment(previousCommit: string, currentCommit: string, browser: string): string {
  return [
    `- Date: ${new Date().toISOString()}; previous build ${previousCommit}, this build ${currentCommit}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end (shared with other engineers' builds and browsers)`,
    `- Node ${process.version}; ${browser}`,
  ].join('\n');
}

/** Replaces (or appends) the "## Scale" section of a Markdown file; other sections stay. */
export function writeScaleSection(path: string, body: string): void {
  const heading = '## Scale';
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = old.indexOf(`\n${heading}\n`);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) {
    writeFileSync(path, `${old.trimEnd()}\n\n${section}`);
    return;
  }
  const next = old.indexOf('\n## ', start + heading.length + 1);
  writeFileSync(path, `${old.slice(0, start + 1)}${section}${next >= 0 ? `\n${old.slice(next + 1)}` : ''}`);
}
