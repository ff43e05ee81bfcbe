/**
 * Where the search index's time and memory go at 1M names (Node, one process):
 * build, each part's serialization, load, and the work after one small write.
 * `node --expose-gc node_modules/.bin/tsx bench/scale/search-index-probe.bench.ts`
 */
import { articleDocument, entityDocument } from '../../lib/search/documents';
import { KnowledgeSearchIndex } from '../../lib/search/search-index';
import type { ArticleRow, EntityRow } from '../../lib/db/rows';
import { FULL_SCALE, generateLibrary } from './generate-library';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  gc();
  return (process.memoryUsage().heapUsed / 1e6).toFixed(0);
};
const time = <T>(label: string, f: () => T): T => {
  const t = performance.now();
  const out = f();
  console.info(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
  return out;
};

const library = generateLibrary(FULL_SCALE);
const entities: EntityRow[] = library.entities.map((e) => ({ key: `bench-scale/${e.id}`, packId: 'bench-scale', id: e.id, name: e.name, type: e.type, alternateName: e.alternateName ?? [], description: e.description, sameAs: [] }) as unknown as EntityRow);
const articles: ArticleRow[] = library.articles.map((a) => ({ ...a, key: `bench-scale/${String(a.id)}`, packId: 'bench-scale', publisher: '', datePublished: '2026-01-01' }) as unknown as ArticleRow);
console.info(`heap with the rows: ${heapMb()} MB`);
const index = KnowledgeSearchIndex.empty();
time('build, entities', () => {
  for (const row of entities) index.add([entityDocument(row)]);
});
time('build, articles', () => {
  for (const row of articles) index.add([articleDocument(row)]);
});
console.info(`heap with the index: ${heapMb()} MB`);
const stored = time('toStored (at once; the background stores in steps)', () => index.toStored());
const size = (s: string[] | { head: string; documents: string[]; terms: string[] }) => [...(Array.isArray(s) ? s : [s.head, ...s.documents, ...s.terms])].reduce((n, x) => n + x.length, 0) / 1e6;
console.info(`stored chars, MB: entities ${size(stored.entities).toFixed(1)}, headlines ${size(stored.headlines).toFixed(1)}, bodies ${size(stored.bodies).toFixed(1)}, rows ${size(stored.rows).toFixed(1)}`);
const loaded = time('fromStored (names and headlines, the wake-up task)', () => KnowledgeSearchIndex.fromStored(stored));
time('search "vladimir p" after load', () => loaded.search('vladimir p', { entities: 8, articles: 8 }));
time('search "vladimir putin"', () => loaded.search('vladimir putin', { entities: 8, articles: 8 }));
time('search "erdgan"', () => loaded.search('erdgan', { entities: 8, articles: 8 }));
await loaded.loadText();
await loaded.loadRows();
console.info(`heap, index and stored form: ${heapMb()} MB`);
time('one remembered article: discard + add', () => {
  index.discard(['a:own/x']);
  index.add([articleDocument({ ...articles[0]!, key: 'own/x', packId: 'own' })]);
});
