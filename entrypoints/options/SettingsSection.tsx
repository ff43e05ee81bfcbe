import { useState } from 'preact/hooks';
import { SettingsForm } from '../../components/SettingsForm';
import { useSettings } from '../../hooks/use-settings';
import type { Settings } from '../../lib/settings/settings';

/** The settings, saved on every change; open tabs follow them through storage. */
export function SettingsSection() {
  const [settings, changeSettings] = useSettings();
  const [saved, setSaved] = useState('');

  async function change(part: Partial<Settings>) {
    await changeSettings(part);
    setSaved('Saved.');
  }

  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {settings ? <SettingsForm settings={settings} onChange={(part) => void change(part)} onNote={() => setSaved('')} /> : <p class="muted">Loading…</p>}
      <p class="visually-hidden" role="status">
        {saved}
      </p>
    </section>
  );
}
