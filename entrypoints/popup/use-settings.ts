import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import type { Settings } from '../../lib/settings/settings';

/** The settings, followed live (the options page or another window may change them). */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return settings;
}
