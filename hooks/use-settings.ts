import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings } from '../lib/extension/settings-item';
import type { Settings } from '../lib/settings/settings';

/**
 * The settings, followed live (another page or window may change them), and a function
 * that changes some of them and shows the result at once, without waiting for the watch.
 */
export function useSettings(): [Settings | undefined, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const change = useCallback(async (part: Partial<Settings>) => setSettings(await updateSettings(part)), []);
  return [settings, change];
}
