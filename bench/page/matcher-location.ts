/**
 * The alternative to measuring in the browser: what a tab would hold and spend if the
 * compiled matcher ran in the tab instead of the background. Measured in Node with the
 * same matcher code and the same 150k aliases.
 */
import { performance } from 'node:perf_hooks';
import { compileMatcher, loadMatcher, type MatcherPattern } from '../../lib/matcher';

export interface InTabCost {
  snapshotBytes: number;
  compileMs: number;
  loadMs: number;
  /** Matching the page's text once (ms). */
  scanMs: number;
  scanChars: number;
}

/** Bytes of a structured-cloneable value (typed arrays exactly, strings at 2 bytes a code unit). */
function sizeOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (typeof value === 'number') return 8;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + sizeOf(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + sizeOf(v), 0);
  return 0;
}

export function measureInTabMatcher(patterns: readonly MatcherPattern[], pageText: string): InTabCost {
  let start = performance.now();
  const matcher = compileMatcher(patterns);
  const compileMs = performance.now() - start;
  const snapshot = matcher.snapshot();
  start = performance.now();
  const loaded = loadMatcher(snapshot);
  const loadMs = performance.now() - start;
  start = performance.now();
  loaded.scan(pageText);
  const scanMs = performance.now() - start;
  return { snapshotBytes: sizeOf(snapshot.data), compileMs, loadMs, scanMs, scanChars: pageText.length };
}
