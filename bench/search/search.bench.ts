/**
 * `npm run bench:search`: compares search libraries on a generated knowledge base of
 * 10,000 articles and 50,000 entities: index build time, serialized size, load time from
 * the stored form, per-keystroke latency (p50/p95) over realistic typing, and result
 * quality on a few hard cases. Prints a Markdown table.
 */
import { type Candidate, flexSearchCandidate, miniSearchCandidate, uFuzzyCandidate } from './candidates';
import { generateKb, QUALITY_CASES, TYPED_QUERIES } from './generate-kb';

const gc = (globalThis as { gc?: () => void }).gc;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function keystrokes(): string[] {
  return TYPED_QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
}

interface Row {
  name: string;
  buildMs: number;
  sizeMb: number;
  loadMs: number;
  p50: number;
  p95: number;
  max: number;
  quality: string[];
}

async function measure(candidate: Candidate, kb: ReturnType<typeof generateKb>): Promise<Row> {
  gc?.();
  let t = performance.now();
  candidate.build(kb);
  const buildMs = performance.now() - t;
  const serialized = candidate.serialize();
  gc?.();
  t = performance.now();
  await candidate.load(serialized);
  const loadMs = performance.now() - t;

  const typed = keystrokes();
  for (const q of typed) candidate.search(q); // warm-up: one pass, as a popup would after load
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of typed) {
      const start = performance.now();
      candidate.search(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const quality = QUALITY_CASES.map((c) => {
    const rank = candidate.search(c.query).entities.indexOf(c.expect);
    return rank >= 0 && rank < c.within ? `#${rank + 1}` : rank >= 0 ? `#${rank + 1} ✗` : 'missing ✗';
  });
  return { name: candidate.name, buildMs, sizeMb: Buffer.byteLength(serialized) / 1e6, loadMs, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, quality };
}

const kb = generateKb();
console.info(`Knowledge base: ${kb.entities.length} entities, ${kb.articles.length} articles (${(JSON.stringify(kb).length / 1e6).toFixed(1)} MB as JSON); ${keystrokes().length} keystrokes × 3 rounds; Node ${process.version}\n`);
const rows: Row[] = [];
for (const c of [miniSearchCandidate(), flexSearchCandidate(), uFuzzyCandidate()]) rows.push(await measure(c, kb));
const f = (n: number, d = 1) => n.toFixed(d);
console.info(`| library | build (ms) | serialized (MB) | load (ms) | keystroke p50 (ms) | p95 (ms) | max (ms) | ${QUALITY_CASES.map((c) => c.label).join(' | ')} |`);
console.info(`|---|---:|---:|---:|---:|---:|---:|${QUALITY_CASES.map(() => ':-:').join('|')}|`);
for (const r of rows) {
  console.info(`| ${r.name} | ${f(r.buildMs, 0)} | ${f(r.sizeMb)} | ${f(r.loadMs, 0)} | ${f(r.p50, 2)} | ${f(r.p95, 2)} | ${f(r.max, 1)} | ${r.quality.join(' | ')} |`);
}
console.info(`\nQuality: rank of the expected entity among the entity results (✗: missing or below the required place: ${QUALITY_CASES.map((c) => `${c.query} ≤ ${c.within}`).join(', ')}).`);
