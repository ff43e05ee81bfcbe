import type { Page } from 'playwright-core';

/** Every row of the library's tables that a backup brings back, and the settings: for field-by-field comparisons. */
export interface LibraryRows {
  packs: unknown[];
  entities: unknown[];
  articles: unknown[];
  entityEdits: unknown[];
  settings: unknown;
}

/** Reads the library with plain IndexedDB, and the settings from storage.local, from an extension page. */
export function libraryRows(extensionPage: Page): Promise<LibraryRows> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('backstory');
      open.addEventListener('success', () => resolve(open.result));
      open.addEventListener('error', () => reject(open.error));
    });
    const all = (table: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(table, 'readonly').objectStore(table).getAll();
        request.addEventListener('success', () => resolve(request.result as unknown[]));
        request.addEventListener('error', () => reject(request.error));
      });
    const rows = { packs: await all('packs'), entities: await all('entities'), articles: await all('articles'), entityEdits: await all('entityEdits') };
    db.close();
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
    return { ...rows, settings: (await local.get('settings')).settings };
  });
}
