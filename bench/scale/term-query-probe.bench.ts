/**
 * Where a keystroke's CPU time goes in the term index's query at a million names, without
 * IndexedDB: the bench/scale library's segments built in memory (segment.ts), the reads
 * answered from sorted rows, and the 110 keys of the popup bench searched one by one with
 * fresh reads (as the popup's first key of a word does). Prints the CPU per key, the
 * slowest keys, and the rows each read.
 *
 * `node --max-old-space-size=6000 node_modules/.bin/tsx bench/scale/term-query-probe.bench.ts`
 */
import { loadavg } from 'node:os';
import { articleDocument, entityDocument, type SearchDocument } from '../../lib/search/documents';
import { SegmentBuilder, type TermRow } from '../../lib/search/term-index/segment';
import type { SuffixRow } from '../../lib/search/term-index/suffix';
import { DOCS_PER_CHUNK } from '../../lib/search/term-index/term-database';
import { searchTermIndex } from '../../lib/search/term-index/term-query';
import { TermReads } from '../../lib/search/term-index/term-reads';
import { TYPED_QUERIES } from '../search/generate-kb';
import { FULL_SCALE, generateLibrary, type ScaleLibrary } from './generate-library';
import { percentile } from '../search/popup-measures';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function documents(library: ScaleLibrary): SearchDocument[] {
  const entities = library.entities.map((e) => entityDocument({ key: `bench/${e.id}`, packId: 'bench', id: e.id, name: e.name, type: e.type, alternateName: e.alternateName ?? [], sameAs: [], description: e.description }));
  const articles = library.articles.map((a) =>
    articleDocument({ key: `bench/${String(a.id)}`, packId: 'bench', id: String(a.id), headline: String(a.headline ?? ''), description: String(a.description ?? ''), articleBody: String(a.articleBody ?? ''), author: [], about: [], keywords: [], entityMentions: [], mentionIndex: [] }),
  );
  return [...entities, ...articles];
}

/** A stand-in for the Dexie tables the reads use: key ranges over sorted arrays. */
function memoryDatabase(rows: TermRow[], suffixes: SuffixRow[], chunks: Map<string, string[]>) {
  rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.segment < b.segment ? -1 : 1));
  suffixes.sort((a, b) => (a.r < b.r ? -1 : 1));
  const lowerBound = <T>(list: T[], key: (t: T) => string, lo: string) => {
    let a = 0;
    let b = list.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (key(list[m]!) < lo) a = m + 1;
      else b = m;
    }
    return a;
  };
  const between = <T>(list: T[], key: (t: T) => string, lo: string, hi: string) => {
    let limit = Infinity;
    const take = () => {
      const out: T[] = [];
      for (let i = lowerBound(list, key, lo); i < list.length && key(list[i]!) <= hi && out.length < limit; i++) out.push(list[i]!);
      return out;
    };
    const query = {
      limit(n: number) {
        limit = n;
        return query;
      },
      toArray: async () => take(),
      primaryKeys: async () => take().map((r) => ('r' in (r as object) ? (r as SuffixRow).r : [(r as TermRow).term, (r as TermRow).segment])),
    };
    return query;
  };
  return {
    terms: { where: () => ({ between: ([lo]: [string], [hi]: [string]) => between(rows, (r) => r.term, lo, hi) }) },
    suffixes: { where: () => ({ between: (lo: string, hi: string) => between(suffixes, (r) => r.r, lo, hi) }) },
    docs: { get: async ([segment, chunk]: [string, number]) => ({ ids: chunks.get(`${segment}/${chunk}`)! }) },
    transaction: async (_mode: string, _table: unknown, run: () => Promise<unknown>) => run(),
  };
}

const library = generateLibrary(FULL_SCALE);
const rows: TermRow[] = [];
const suffixes = new Map<string, SuffixRow>();
const chunks = new Map<string, string[]>();
let builder = new SegmentBuilder('bench#0');
let segments = 0;
const close = () => {
  rows.push(...builder.rows());
  for (const row of builder.suffixRows()) suffixes.set(row.r, row);
  for (let i = 0; i * DOCS_PER_CHUNK < builder.ids.length; i++) chunks.set(`${builder.segment}/${i}`, builder.ids.slice(i * DOCS_PER_CHUNK, (i + 1) * DOCS_PER_CHUNK));
  builder = new SegmentBuilder(`bench#${++segments}`);
};
for (const doc of documents(library)) {
  builder.add(doc);
  if (builder.size >= 65_536 || builder.postings >= 1_500_000) close();
}
close();
const db = memoryDatabase(rows, [...suffixes.values()], chunks);
console.info(`${rows.length} rows, ${suffixes.size} suffix rows, ${segments} segments; load ${loadavg()[0]!.toFixed(1)}`);
const perKey: Array<{ text: string; ms: number }> = [];
for (let round = 0; round < 2; round++) {
  for (const query of TYPED_QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      const reads = new TermReads(db as never);
      const started = cpuMs();
      await searchTermIndex(reads, text, { entities: 8, articles: 8 });
      if (round === 1) perKey.push({ text, ms: cpuMs() - started });
    }
  }
}
const ms = perKey.map((k) => k.ms);
console.info(`CPU per key, fresh reads: p50 ${percentile(ms, 50).toFixed(1)} / p95 ${percentile(ms, 95).toFixed(1)} / max ${Math.max(...ms).toFixed(1)} ms; load ${loadavg()[0]!.toFixed(1)}`);
console.info('slowest:', perKey.sort((a, b) => b.ms - a.ms).slice(0, 12).map((k) => `${k.text} ${k.ms.toFixed(1)}`).join(', '));
