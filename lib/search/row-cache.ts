import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow, EntityRow } from '../db/rows';
import { pickRows, type ResultRowSource } from './result-rows';

/** Rows kept in memory, in total; about 2 MB of article text at most. */
const MAX_CACHED_ROWS = 400;

/**
 * The rows of recent results, kept in memory: typing "astana" asks for much the same
 * few rows six times, and an IndexedDB read costs milliseconds. Clear it whenever the
 * knowledge base changes.
 */
export class RowCache implements ResultRowSource {
  private readonly entities = new Map<string, EntityRow>();
  private readonly articles = new Map<string, ArticleRow>();

  constructor(private readonly db: BackstoryDatabase) {}

  clear(): void {
    this.entities.clear();
    this.articles.clear();
  }

  /** The rows of these keys that exist, read in one transaction when any is missing. */
  async get(entityKeys: readonly string[], articleKeys: readonly string[]): Promise<{ entities: Map<string, EntityRow>; articles: Map<string, ArticleRow> }> {
    const missingEntities = entityKeys.filter((k) => !this.entities.has(k));
    const missingArticles = articleKeys.filter((k) => !this.articles.has(k));
    if (missingEntities.length > 0 || missingArticles.length > 0) {
      const [entities, articles] = await this.db.transaction('r', [this.db.entities, this.db.articles], () =>
        Promise.all([this.db.entities.bulkGet(missingEntities), this.db.articles.bulkGet(missingArticles)]),
      );
      for (const row of entities) if (row) remember(this.entities, row.key, row);
      for (const row of articles) if (row) remember(this.articles, row.key, row);
    }
    return { entities: pickRows(this.entities, entityKeys), articles: pickRows(this.articles, articleKeys) };
  }
}

function remember<T>(map: Map<string, T>, key: string, row: T): void {
  map.set(key, row);
  // Oldest first in a Map's order: drop from the front.
  while (map.size > MAX_CACHED_ROWS / 2) map.delete(map.keys().next().value!);
}
