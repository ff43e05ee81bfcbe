import type { Collection, Table } from 'dexie';
import type { BackstoryDatabase } from '../db/database';
import type { RowKey } from '../db/rows';

/** Entity and article ids are unique only inside their pack. */
export function rowKey(packId: string, id: string): RowKey {
  return `${packId}/${id}`;
}

/** The pack a row key belongs to (pack ids hold no "/"). */
export function packIdOfKey(key: RowKey): string {
  return key.slice(0, key.indexOf('/'));
}

/**
 * The ids of the installed packs. A row whose pack is not among them belongs to an import
 * still being written (lib/kb/staged-pack.ts): readers that reach rows without going
 * through `packs` (an index, a key from a page) skip it.
 */
export async function installedPackIds(db: BackstoryDatabase): Promise<Set<string>> {
  return new Set((await db.packs.toCollection().primaryKeys()) as string[]);
}

/** The row at `key` if its pack is installed: a key from a page may name a staged import's row. */
export async function installedRow<T extends { packId: string }, I>(db: BackstoryDatabase, table: Table<T, string, I>, key: string): Promise<T | undefined> {
  const [row, pack] = await Promise.all([table.get(key), db.packs.get(packIdOfKey(key))]);
  return row && pack && row.packId === pack.id ? row : undefined;
}

/**
 * The rows of one pack in a table keyed by {@link rowKey}: a range of the primary key,
 * so tables need no `packId` index (every index costs import time). Pack ids cannot
 * hold "/" (PACK_ID_PATTERN), so one pack's prefix never covers another's rows.
 */
export function rowsOfPack<T, K, I>(table: Table<T, K, I>, packId: string): Collection<T, K, I> {
  return table.where(':id').startsWith(`${packId}/`);
}

/**
 * One pack's rows, `pageSize` at a time, each page in its own short read: a page's rows
 * are turned into objects in one stretch, so 500,000 rows read at once hold the thread
 * for seconds. Rows written meanwhile may or may not be seen (callers compare revisions).
 */
export async function* pagesOfPack<T extends { key: string }, K, I>(table: Table<T, K, I>, packId: string, pageSize: number): AsyncGenerator<T[]> {
  const end = `${packId}/\uffff`;
  let from = `${packId}/`;
  let includeFrom = true;
  for (;;) {
    const rows = await table.where(':id').between(from, end, includeFrom, true).limit(pageSize).toArray();
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    from = (rows.at(-1) as T).key;
    includeFrom = false;
  }
}

/** Every row of these packs, pack by pack. */
export async function rowsOfPacks<T, K, I>(table: Table<T, K, I>, packIds: readonly string[]): Promise<T[]> {
  const lists = await Promise.all(packIds.map((id) => rowsOfPack(table, id).toArray()));
  return lists.flat();
}
