import type { ArticleRow, EntityRow } from '../db/rows';
import { runAtOnce } from '../feeds/work-slices';
import { nextTask } from './next-task';

/** What showing an entity result needs of its row. */
export type EntityResultRow = Pick<EntityRow, 'key' | 'name' | 'type' | 'alternateName' | 'description'>;
/** What showing an article result needs of its row: the text too, for the snippet around the match. */
export type ArticleResultRow = Pick<ArticleRow, 'key' | 'headline' | 'publisher' | 'datePublished' | 'description' | 'articleBody'>;

/** The rows of ranked results, by key. */
export interface ResultRows {
  entities: ReadonlyMap<string, EntityResultRow>;
  articles: ReadonlyMap<string, ArticleResultRow>;
}

/** Where the rows of results are read from: memory (`ResultRowStore`) or the database (`RowCache`). */
export interface ResultRowSource {
  get(entityKeys: readonly string[], articleKeys: readonly string[]): ResultRows | Promise<ResultRows>;
}

/**
 * Rows per chunk of the stored form: each chunk is written or parsed in one go, between
 * them others may run. Articles carry their text (about 1 KB each): 500 rows is about 0.5 MB.
 */
const ROWS_PER_CHUNK = 500;

/** The stored form: JSON chunks of `[kind, row]` pairs ('e' entity, 'a' article). */
export type StoredResultRows = string[];
type StoredPair = ['e', EntityResultRow] | ['a', ArticleResultRow];

export function entityResultRow({ key, name, type, alternateName, description }: EntityRow): EntityResultRow {
  return { key, name, type, alternateName, description };
}

export function articleResultRow({ key, headline, publisher, datePublished, description, articleBody }: ArticleRow): ArticleResultRow {
  return { key, headline, publisher, datePublished, description, articleBody };
}

/**
 * Every row a result may show, in memory, kept beside the search index and stored with
 * it. An IndexedDB read per keystroke cost 5 to 25 ms on a busy machine (measured in the
 * popup benchmark, docs/benchmarks.md "## Search"), more than the search itself; from
 * memory, showing the results of a keystroke costs a fraction of a millisecond.
 */
export class ResultRowStore implements ResultRowSource {
  private readonly entities = new Map<string, EntityResultRow>();
  private readonly articles = new Map<string, ArticleResultRow>();

  setEntity(row: EntityResultRow): void {
    this.entities.set(row.key, row);
  }

  setArticle(row: ArticleResultRow): void {
    this.articles.set(row.key, row);
  }

  deleteEntity(key: string): void {
    this.entities.delete(key);
  }

  deleteArticle(key: string): void {
    this.articles.delete(key);
  }

  get size(): number {
    return this.entities.size + this.articles.size;
  }

  get(entityKeys: readonly string[], articleKeys: readonly string[]): ResultRows {
    return { entities: pickRows(this.entities, entityKeys), articles: pickRows(this.articles, articleKeys) };
  }

  /** The stored form, at once (tests, benchmarks). */
  toStored(): StoredResultRows {
    return runAtOnce(this.storeSteps());
  }

  /** The stored form, a chunk per step: the caller pauses where it yields, and must not change the rows meanwhile. */
  *storeSteps(): Generator<void, StoredResultRows> {
    const chunks: StoredResultRows = [];
    let batch: StoredPair[] = [];
    const pairs = function* (store: ResultRowStore): Generator<StoredPair> {
      for (const row of store.entities.values()) yield ['e', row];
      for (const row of store.articles.values()) yield ['a', row];
    };
    for (const pair of pairs(this)) {
      batch.push(pair);
      if (batch.length < ROWS_PER_CHUNK) continue;
      chunks.push(JSON.stringify(batch));
      batch = [];
      yield;
    }
    if (batch.length > 0) chunks.push(JSON.stringify(batch));
    return chunks;
  }

  /** Loads the stored form at once (a change needs the rows now). */
  static fromStoredNow(chunks: StoredResultRows): ResultRowStore {
    const store = new ResultRowStore();
    for (const chunk of chunks) store.addChunk(chunk);
    return store;
  }

  /**
   * Loads the stored form chunk by chunk, handing the thread back between chunks
   * (`yieldNow`) so that searches asked meanwhile are answered without waiting for all of it.
   */
  static async fromStored(chunks: StoredResultRows, yieldNow: () => Promise<void> = nextTask): Promise<ResultRowStore> {
    const store = new ResultRowStore();
    for (const chunk of chunks) {
      store.addChunk(chunk);
      await yieldNow();
    }
    return store;
  }

  private addChunk(chunk: string): void {
    for (const [kind, row] of JSON.parse(chunk) as StoredPair[]) {
      if (kind === 'e') this.setEntity(row);
      else this.setArticle(row);
    }
  }
}

/** The rows of `keys` that `map` holds, in the keys' order. */
export function pickRows<T>(map: ReadonlyMap<string, T>, keys: readonly string[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const key of keys) {
    const row = map.get(key);
    if (row) out.set(key, row);
  }
  return out;
}
