/**
 * lib/extension holds the few thin wrappers over extension APIs that several
 * entrypoints share; everything else in lib/ stays free of browser globals.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings/settings';

/** The settings, in storage.local: versioned, so a later shape migrates instead of breaking. */
const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { ...DEFAULT_SETTINGS },
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Changes some settings; the rest stay as they are. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` with the whole, normalized settings whenever they change. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normalizeSettings(value)));
}
