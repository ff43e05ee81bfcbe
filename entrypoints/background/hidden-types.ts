import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import type { Settings } from '../../lib/settings/settings';

function typesKey(settings: Settings): string {
  return [...settings.hiddenEntityTypes].sort().join(',');
}

/**
 * Calls `onChange` when the user hides or shows an entity type: what pages highlight
 * changes, while other settings (hover delay, style) need no rebuild.
 */
export function watchHiddenTypes(onChange: () => void): void {
  let last: string | undefined;
  void loadSettings().then((settings) => {
    last ??= typesKey(settings);
  });
  watchSettings((settings) => {
    const now = typesKey(settings);
    if (now !== last) {
      last = now;
      onChange();
    }
  });
}
