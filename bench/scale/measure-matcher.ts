/**
 * The matcher at scale, in Node: compiled size, build time and scan speed on real page
 * text at 150k and 1M names of the generated library, for this build's lib/matcher and
 * the previous build's (imported from its unpacked source), in the same process.
 */
import { join } from 'node:path';
import type { Matcher, MatcherPattern, MatcherSnapshot } from '../../lib/matcher';
import { generatedText, pagesText } from '../corpus';
import { libraryPatterns, type ScaleLibrary } from './generate-library';
import type { Measured, ScaleRow } from './report';

type MatcherModule = { compileMatcher(patterns: readonly MatcherPattern[]): Matcher };

const SIZES = [150_000, 1_000_000];
const SCAN_RUNS = 5;
const BUILD_RUNS = 2;
/** Generated prose added to the saved pages' text, in chars (bench/corpus.ts). */
const GENERATED_CHARS = 700_000;
const GOALS: Record<number, { scan: number; mb?: number; buildMs?: number }> = {
  150_000: { scan: 100 },
  1_000_000: { scan: 60, mb: 48, buildMs: 3_000 },
};

/** Bytes a string takes in V8 (and in IndexedDB): one per unit when all are ≤ U+00FF, else two. */
function stringBytes(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s.length * 2;
  return s.length;
}

/** Bytes of a snapshot's data: typed arrays' buffers and strings as V8 stores them. */
function snapshotBytes(snapshot: MatcherSnapshot): number {
  let bytes = 0;
  for (const value of Object.values(snapshot.data)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (typeof value === 'string') bytes += stringBytes(value);
    else if (Array.isArray(value)) for (const s of value) bytes += stringBytes(String(s));
  }
  return bytes;
}

function best<T>(runs: number, f: () => T): { ms: number; cpuMs: number; value: T } {
  let ms = Infinity;
  let cpuMs = Infinity;
  let value = f();
  for (let r = 1; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms, cpuMs, value };
}

interface Figures {
  buildMs: number;
  buildCpuMs: number;
  mb: number;
  scanRate: number;
  cpuScanRate: number;
  matches: number;
}

function measure(module: MatcherModule, patterns: readonly MatcherPattern[], text: string): Figures {
  (globalThis as { gc?: () => void }).gc?.();
  // The first build is timed too (runs ≥ 2 keep the best): a cold build is what a user waits for.
  const build = best(BUILD_RUNS + 1, () => module.compileMatcher(patterns));
  const matcher = build.value;
  const scan = best(SCAN_RUNS, () => matcher.scan(text).length);
  return {
    buildMs: build.ms,
    buildCpuMs: build.cpuMs,
    mb: snapshotBytes(matcher.snapshot()) / 1e6,
    scanRate: text.length / scan.ms / 1e3,
    cpuScanRate: text.length / scan.cpuMs / 1e3,
    matches: scan.value,
  };
}

/** Rows for the scale table; `previousDir` is the previous build's unpacked source. */
export async function measureMatcher(library: ScaleLibrary, previousDir: string): Promise<Measured> {
  const current = (await import('../../lib/matcher')) as MatcherModule;
  const previous = (await import(join(previousDir, 'lib/matcher/index.ts'))) as MatcherModule;
  const pages = pagesText();
  const rows: ScaleRow[] = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const patterns = libraryPatterns(library, size);
    const generated = generatedText(patterns, GENERATED_CHARS);
    const text = pages ? `${pages}\n${generated}` : generated;
    const before = measure(previous, patterns, text);
    const after = measure(current, patterns, text);
    const goal = GOALS[size]!;
    const label = size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
    rows.push({
      what: `matcher scan at ${label} names, M chars/s (wall; CPU)`,
      goal: `≥ ${goal.scan}`,
      previous: `${before.scanRate.toFixed(1)}; ${before.cpuScanRate.toFixed(1)}`,
      current: `${after.scanRate.toFixed(1)}; ${after.cpuScanRate.toFixed(1)}`,
      met: after.scanRate >= goal.scan,
      note: `${(text.length / 1e6).toFixed(2)} M chars${pages ? ' (saved pages + generated prose)' : ' (generated prose)'}; ${after.matches} matches (previous ${before.matches})`,
    });
    rows.push({
      what: `compiled matcher at ${label} names, MB`,
      goal: goal.mb === undefined ? '–' : `≤ ${goal.mb}`,
      previous: before.mb.toFixed(1),
      current: after.mb.toFixed(1),
      met: goal.mb === undefined ? undefined : after.mb <= goal.mb,
    });
    rows.push({
      what: `matcher build at ${label} names, ms (wall; CPU)`,
      goal: goal.buildMs === undefined ? '–' : `≤ ${goal.buildMs}`,
      previous: `${before.buildMs.toFixed(0)}; ${before.buildCpuMs.toFixed(0)}`,
      current: `${after.buildMs.toFixed(0)}; ${after.buildCpuMs.toFixed(0)}`,
      met: goal.buildMs === undefined ? undefined : after.buildMs <= goal.buildMs,
    });
    console.info(`matcher ${label}: previous ${JSON.stringify(before)}; this ${JSON.stringify(after)}`);
  }
  notes.push('- Matcher rows: Node, in one process; names are the generated library\'s, most popular entities first (150k = the first 150,000 names). Text: the saved real pages (/work/shared/samples/pages, read at run time when present) plus generated news prose that mentions the names (bench/corpus.ts). Size counts the snapshot\'s typed arrays and its strings as V8 and IndexedDB store them (one byte per unit when every unit is ≤ U+00FF, else two; `npm run bench` counts two for every string); builds are the best of the cold and warm builds; scans the best of several.');
  return { title: 'Matcher', rows, notes };
}
