import type { BackstoryDatabase } from '../../db/database';

/**
 * Largest library (entities plus articles) searched with the in-memory index
 * (search-index.ts); above it, with the term index. The in-memory index answers a key in
 * the keystroke's own task (a frame sooner, docs/benchmarks.md "### The popup") but its
 * memory, build and load grow with the library: 103 MB of popup heap at 60k documents,
 * 137 MB at 110k, and at 1M names 1.1 GB, 160 s to build and a 50 s task to store
 * (docs/benchmarks.md "### The popup at a million names").
 */
export const TERM_INDEX_MIN_DOCUMENTS = 200_000;

/** Whether the library is large enough for the term index (more than `minDocuments` entities and articles). */
export async function wantsTermIndex(db: BackstoryDatabase, minDocuments = TERM_INDEX_MIN_DOCUMENTS): Promise<boolean> {
  const [entities, articles] = await Promise.all([db.entities.count(), db.articles.count()]);
  return entities + articles > minDocuments;
}
