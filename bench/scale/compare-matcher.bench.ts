/**
 * Two lib/matcher builds side by side, in one process, by CPU time (the machine is shared):
 * `node --expose-gc node_modules/.bin/tsx bench/scale/compare-matcher.bench.ts <other lib/matcher dir> [sizes…]`
 * (the other build unpacked with its tsconfig.json: `git archive <commit> lib tsconfig.json package.json`, and a
 * node_modules link). Builds and scans
 * alternate between the two so that load and heap state touch both alike; the spans found
 * must be identical. For measuring a matcher change before and after (docs/benchmarks.md).
 */
import { resolve } from 'node:path';
import type { Matcher, MatcherPattern } from '../../lib/matcher';
import { generatedText, pagesText } from '../corpus';
import { FULL_SCALE, generateLibrary, libraryPatterns } from './generate-library';

type MatcherModule = { compileMatcher(patterns: readonly MatcherPattern[]): Matcher };

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const BUILDS = Number(process.env.BUILDS ?? 2);

function cpuMs<T>(f: () => T): { ms: number; value: T } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, value };
}

function sameSpans(a: Matcher, b: Matcher, text: string): string | undefined {
  const x = a.scan(text);
  const y = b.scan(text);
  if (x.length !== y.length) return `${x.length} spans against ${y.length}`;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p.start !== q.start || p.end !== q.end || p.entityKeys.join() !== q.entityKeys.join()) {
      return `span ${i} differs: ${JSON.stringify(p)} against ${JSON.stringify(q)}`;
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const otherDir = resolve(process.argv[2] ?? '');
  const sizes = process.argv.slice(3).map(Number);
  const builds: [string, MatcherModule][] = [
    ['other', (await import(`${otherDir}/index.ts`)) as MatcherModule],
    ['this', (await import('../../lib/matcher')) as MatcherModule],
  ];
  const library = generateLibrary(FULL_SCALE);
  const pages = pagesText() ?? '';
  for (const size of sizes.length > 0 ? sizes : [150_000, 1_000_000]) {
    const patterns = libraryPatterns(library, size);
    const text = `${pages}\n${generatedText(patterns, 700_000)}`;
    const matchers: Matcher[] = [];
    const buildBest = builds.map(() => Infinity);
    for (let r = 0; r < BUILDS; r++) {
      builds.forEach(([, module], b) => {
        (globalThis as { gc?: () => void }).gc?.();
        const built = cpuMs(() => module.compileMatcher(patterns));
        buildBest[b] = Math.min(buildBest[b]!, built.ms);
        matchers[b] = built.value;
      });
    }
    const difference = sameSpans(matchers[0]!, matchers[1]!, text);
    const scanBest = builds.map(() => Infinity);
    const pagesBest = builds.map(() => Infinity);
    const counts: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const roundMs: number[] = [];
      matchers.forEach((m, b) => {
        const all = cpuMs(() => m.scan(text).length);
        roundMs[b] = all.ms;
        scanBest[b] = Math.min(scanBest[b]!, all.ms);
        counts[b] = all.value;
        pagesBest[b] = Math.min(pagesBest[b]!, cpuMs(() => m.scan(pages).length).ms);
      });
      ratios.push(roundMs[0]! / roundMs[1]!);
    }
    ratios.sort((a, b) => a - b);
    const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
    for (const [b, [name]] of builds.entries()) {
      console.info(
        `${size} names, ${name}: build ${buildBest[b]!.toFixed(0)} ms CPU; scan ${(text.length / scanBest[b]! / 1e3).toFixed(1)} M chars/s CPU ` +
          `(${(text.length / 1e6).toFixed(2)} M chars, ${counts[b]} matches); pages only ${(pages.length / pagesBest[b]! / 1e3).toFixed(1)} M chars/s; load ${load}`,
      );
    }
    console.info(`scan speed, this ÷ other, median of ${ROUNDS} rounds: ${ratios[ratios.length >> 1]!.toFixed(2)}×`);
    console.info(difference ? `SPANS DIFFER: ${difference}` : 'spans identical');
  }
}

await main();
