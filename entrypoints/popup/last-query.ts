import { storage } from '@wxt-dev/storage';

/**
 * The last query, for the next opening of the popup. Session storage: kept while the
 * browser runs, gone after a restart, never written to disk.
 */
const lastQueryItem = storage.defineItem<string>('session:popupLastQuery', { fallback: '' });

export async function loadLastQuery(): Promise<string> {
  try {
    const value = await lastQueryItem.getValue();
    return typeof value === 'string' ? value : '';
  } catch {
    return ''; // storage.session is missing in some older browsers: start empty.
  }
}

export function saveLastQuery(query: string): void {
  void lastQueryItem.setValue(query).catch(() => undefined);
}
