/**
 * Adding many rows no reader sees yet (a staged import's chunks), through IndexedDB itself
 * rather than Dexie: every `add` is issued at once and the commit asked for right after
 * (`IDBTransaction.commit()`), so the browser stores the chunk in its own process while this
 * thread builds the next one. Without `commit()` a transaction commits only after this
 * thread has taken each request's success event, that is, after it finished the next chunk.
 *
 * Durability is relaxed: the browser does not wait for the disk to confirm each chunk. A
 * crash can then lose the last chunks, which is harmless for rows no reader sees (the
 * staged pack is cleaned up, lib/kb/staged-pack.ts); the switch that makes them visible is
 * an ordinary transaction, committed after every chunk, and the database's log keeps order.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';

/** Resolves once the rows are committed; rejects with the transaction's error (a full disk…) if it aborts. */
export function addRowsCommitted(database: IDBDatabase, storeName: string, rows: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction([storeName], 'readwrite', { durability: 'relaxed' });
    transaction.addEventListener('complete', () => resolve());
    transaction.addEventListener('abort', () => reject(transaction.error ?? new DOMException('The write was aborted.', 'AbortError')));
    try {
      const store = transaction.objectStore(storeName);
      for (const row of rows) store.add(row);
      transaction.commit();
    } catch (error) {
      // A row IndexedDB cannot clone or key: nothing of the chunk is kept.
      transaction.abort();
      reject(error);
    }
  });
}

/** Every key of an index, from the lowest to the highest (Dexie's own way of saying so). */
const everything = (): RangeSet => new RangeSet(-Infinity, [[[]]]);

/**
 * Tells Dexie's live queries, in every context of the extension, that these tables changed:
 * rows added through {@link addRowsCommitted} pass Dexie by, and a live query that read the
 * table before (the options page's library list) would otherwise keep answering from Dexie's
 * cache. Every index of the tables counts as changed over its whole range.
 */
export function signalTablesChanged(db: Dexie, tableNames: readonly string[]): void {
  const parts: ObservabilitySet = {};
  for (const name of tableNames) {
    const prefix = `idb://${db.name}/${name}/`;
    parts[prefix] = everything();
    parts[`${prefix}:dels`] = everything();
    for (const index of db.table(name).schema.indexes) if (index.name) parts[prefix + index.name] = everything();
  }
  Dexie.on.storagemutated.fire(parts);
}
