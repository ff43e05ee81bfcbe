import type { Page } from 'playwright-core';

export interface PackState {
  id: string;
  version: string;
  entityCount: number;
  articleCount: number;
}

export interface LibraryState {
  /** IndexedDB version of the database (Dexie: 10 × schema version). */
  version: number;
  stores: string[];
  packs: PackState[];
  /** Rows per pack in each table, orphans included. */
  rows: Record<string, Record<string, number>>;
}

/**
 * The knowledge base as stored, read with plain IndexedDB from an extension page: the
 * ground truth for "old or new, never a mix" (every row belongs to a listed pack, and each
 * pack has exactly the rows it counts).
 */
export function libraryState(extensionPage: Page): Promise<LibraryState> {
  return extensionPage.evaluate(
    () =>
      new Promise<LibraryState>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.addEventListener('error', () => reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const tables = ['entities', 'articles'];
          const tx = db.transaction(['packs', ...tables], 'readonly');
          const state: LibraryState = { version: db.version, stores, packs: [], rows: {} };
          const packs = tx.objectStore('packs').getAll();
          packs.onsuccess = () => {
            state.packs = (packs.result as PackState[]).map(({ id, version, entityCount, articleCount }) => ({ id, version, entityCount, articleCount }));
          };
          for (const table of tables) {
            const counts: Record<string, number> = {};
            state.rows[table] = counts;
            // Keys are `packId/id` (lib/kb/keys.ts); pack ids hold no "/".
            const cursor = tx.objectStore(table).openKeyCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              const packId = String(c.primaryKey).split('/', 1)[0]!;
              counts[packId] = (counts[packId] ?? 0) + 1;
              c.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(state);
          };
          tx.addEventListener('error', () => reject(tx.error));
        };
      }),
  );
}

/**
 * The library as readers see it: the rows of installed packs only. An import that failed
 * on a full disk or was cut off leaves staged rows without a pack row, which no reader
 * shows and the next import or start removes (lib/kb/staged-pack.ts).
 */
export function visibleLibrary(state: LibraryState): LibraryState {
  const ids = new Set(state.packs.map((p) => p.id));
  const rows = Object.fromEntries(Object.entries(state.rows).map(([table, counts]) => [table, Object.fromEntries(Object.entries(counts).filter(([packId]) => ids.has(packId)))]));
  return { ...state, rows };
}

/** Problems that would mean a half-written pack: empty when every pack is whole and nothing is orphaned. */
export function inconsistencies(state: LibraryState): string[] {
  const problems: string[] = [];
  const ids = new Set(state.packs.map((p) => p.id));
  for (const pack of state.packs) {
    if ((state.rows.entities?.[pack.id] ?? 0) !== pack.entityCount) problems.push(`${pack.id}: ${state.rows.entities?.[pack.id] ?? 0} entity rows, counts ${pack.entityCount}`);
    if ((state.rows.articles?.[pack.id] ?? 0) !== pack.articleCount) problems.push(`${pack.id}: ${state.rows.articles?.[pack.id] ?? 0} article rows, counts ${pack.articleCount}`);
  }
  for (const [table, counts] of Object.entries(state.rows)) {
    for (const packId of Object.keys(counts)) if (!ids.has(packId)) problems.push(`${table}: ${counts[packId]} orphaned rows of ${packId}`);
  }
  return problems;
}
