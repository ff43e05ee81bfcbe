import Dexie from 'dexie';
import type { BackstoryDatabase, DatabaseOptions } from './database';

/**
 * The oldest stored schema version whose rows today's backup code reads as they are
 * (v5: rows as lib/db/rows.ts describes them). An older library is upgraded without a
 * backup first: its rows have other shapes.
 */
const OLDEST_READABLE_VERSION = 5;

/**
 * When the stored library is older than this code's schema, opens it as it is, without
 * upgrading it (Dexie's dynamic mode: the stored tables, no version declared), so that a
 * backup can be written before the upgrade runs. Undefined when no upgrade is pending.
 * The caller closes the returned database before `target` is opened.
 */
export async function openBeforeUpgrade(target: BackstoryDatabase, options: DatabaseOptions = {}): Promise<BackstoryDatabase | undefined> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory?.databases) return undefined;
  const stored = (await factory.databases()).find((info) => info.name === target.name);
  // Dexie keeps IndexedDB's version at ten times its own.
  const storedVersion = (stored?.version ?? 0) / 10;
  if (storedVersion < OLDEST_READABLE_VERSION || storedVersion >= target.verno) return undefined;
  const old = new Dexie(target.name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  await old.open();
  // Dynamic mode names no table properties: give the stored tables the names the typed class has.
  for (const table of old.tables) Object.defineProperty(old, table.name, { value: table });
  return old as unknown as BackstoryDatabase;
}
