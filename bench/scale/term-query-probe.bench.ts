/**
 * Where a keystroke's CPU time goes in the term index's query at a million names, in Node:
 * the bench/scale library's segments written by the writer into fake-indexeddb (a
 * JavaScript IndexedDB: its costs are not Chromium's), and the 110 keys of the popup bench searched one by one with
 * fresh reads (as the popup's first key of a word does). Prints the CPU per key, the
 * slowest keys, and the rows each read.
 *
 * `node --max-old-space-size=6000 node_modules/.bin/tsx bench/scale/term-query-probe.bench.ts`
 */
import { loadavg } from 'node:os';
import { articleDocument, entityDocument, type SearchDocument } from '../../lib/search/documents';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SegmentBuilder } from '../../lib/search/term-index/segment';
import { TermIndexDatabase } from '../../lib/search/term-index/term-database';
import { writeSegment } from '../../lib/search/term-index/term-writer';
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

const library = generateLibrary(FULL_SCALE);
const db = new TermIndexDatabase({ name: 'probe', indexedDB: new IDBFactory(), IDBKeyRange });
const segments: string[] = [];
let builder = new SegmentBuilder('bench#0');
let written = 0;
const close = async () => {
  const started = cpuMs();
  await writeSegment(db, builder);
  written += cpuMs() - started;
  segments.push(builder.segment);
  builder = new SegmentBuilder(`bench#${segments.length}`);
};
for (const doc of documents(library)) {
  builder.add(doc);
  if (builder.size >= 65_536 || builder.postings >= 1_500_000) await close();
}
await close();
await db.state.put({ key: 'state', format: 2, active: true, revision: 1, packs: { bench: { signature: '', segments } } });
const counts = await Promise.all([db.words.count(), db.postings.count(), db.suffixes.count()]);
console.info(`${segments.length} segments; word blocks, posting blocks, suffix blocks: ${counts.join(', ')}; written in ${(written / 1000).toFixed(1)} s of CPU (fake-indexeddb); load ${loadavg()[0]!.toFixed(1)}`);
const perKey: Array<{ text: string; ms: number }> = [];
for (let round = 0; round < 2; round++) {
  for (const query of TYPED_QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      const reads = new TermReads(db);
      const started = cpuMs();
      await searchTermIndex(reads, text, { entities: 8, articles: 8 });
      if (round === 1) perKey.push({ text, ms: cpuMs() - started });
    }
  }
}
const ms = perKey.map((k) => k.ms);
console.info(`CPU per key, fresh reads: p50 ${percentile(ms, 50).toFixed(1)} / p95 ${percentile(ms, 95).toFixed(1)} / max ${Math.max(...ms).toFixed(1)} ms; load ${loadavg()[0]!.toFixed(1)}`);
console.info('slowest:', perKey.sort((a, b) => b.ms - a.ms).slice(0, 12).map((k) => `${k.text} ${k.ms.toFixed(1)}`).join(', '));
