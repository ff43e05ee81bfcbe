/** Statistics and the Markdown section written to docs/benchmarks.md ("## Page" only). */
import { readFile, writeFile } from 'node:fs/promises';

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function ms(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? 'n/a' : `${value.toFixed(digits)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replaces (or appends) the "## Page" section of docs/benchmarks.md, leaving other sections alone. */
export async function writePageSection(path: string, body: string): Promise<void> {
  const existing = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const section = `## Page\n\n${body.trim()}\n`;
  const start = existing.search(/^## Page\s*$/mu);
  if (start < 0) {
    await writeFile(path, `${existing.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = existing.slice(start + 1);
  const next = rest.search(/^## /mu);
  const end = next < 0 ? existing.length : start + 1 + next;
  await writeFile(path, `${existing.slice(0, start)}${section}${next < 0 ? '' : `\n${existing.slice(end)}`}`);
}
