import { ENTITY_TYPES } from '../lib/pack/schema';
import { HIGHLIGHT_CAP_RANGE, HOVER_DELAY_RANGE_MS, type HighlightStyle, type Settings } from '../lib/settings/settings';
import { typeGroupLabel } from '../lib/text/type-labels';
import { NumberField } from './NumberField';
import { ReadingFields } from './ReadingFields';
import { SiteListField } from './SiteListField';

export interface SettingsFormProps {
  settings: Settings;
  /** Called with the changed settings only; saved at once, no Save button. */
  onChange(change: Partial<Settings>): void;
  /** The form is about to say something of its own (a refused site): the owner's older note ("Saved.") is out of date. */
  onNote?(): void;
}

const STYLES: ReadonlyArray<{ value: HighlightStyle; label: string; hint: string }> = [
  { value: 'background', label: 'Background', hint: 'A soft colour behind each known name.' },
  { value: 'underline', label: 'Underline', hint: 'A quiet dotted line under each known name; on very long pages it makes the page’s own animations and hover effects slower.' },
  { value: 'hover-only', label: 'Only under the pointer', hint: 'Names are marked only while you rest the pointer on one, in Backstory’s own layer; pages cannot see which names Backstory knows.' },
];

/** Every setting, each saved as soon as it changes. */
export function SettingsForm({ settings, onChange, onNote }: SettingsFormProps) {
  const hidden = new Set(settings.hiddenEntityTypes);

  return (
    <div class="settings">
      <label class="switch">
        <input type="checkbox" checked={settings.paused} onChange={(e) => onChange({ paused: e.currentTarget.checked })} />
        <span>Pause Backstory on every site</span>
      </label>

      <fieldset>
        <legend>Highlight style</legend>
        {STYLES.map((style) => (
          <label key={style.value} class="choice">
            <input
              type="radio"
              name="highlightStyle"
              value={style.value}
              checked={settings.highlightStyle === style.value}
              onChange={() => onChange({ highlightStyle: style.value })}
            />
            <span>
              {style.label}
              <span class="choice__hint muted">{style.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Names to highlight</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="choice choice--inline">
            <input
              type="checkbox"
              checked={!hidden.has(type)}
              onChange={(e) =>
                onChange({
                  hiddenEntityTypes: e.currentTarget.checked ? settings.hiddenEntityTypes.filter((t) => t !== type) : [...settings.hiddenEntityTypes, type],
                })
              }
            />
            <span>{typeGroupLabel(type)}</span>
          </label>
        ))}
      </fieldset>

      <NumberField
        label="Delay before the card opens (milliseconds)"
        range={HOVER_DELAY_RANGE_MS}
        step={50}
        value={settings.hoverDelayMs}
        hint={`From ${HOVER_DELAY_RANGE_MS.min} to ${HOVER_DELAY_RANGE_MS.max}. Longer means fewer cards opened by accident.`}
        onChange={(hoverDelayMs) => onChange({ hoverDelayMs })}
      />

      <NumberField
        label="Most names highlighted on one page"
        range={HIGHLIGHT_CAP_RANGE}
        step={10}
        value={settings.highlightCap}
        hint={`From ${HIGHLIGHT_CAP_RANGE.min.toLocaleString()} to ${HIGHLIGHT_CAP_RANGE.max.toLocaleString()}; keeps very long pages fast.`}
        onChange={(highlightCap) => onChange({ highlightCap })}
      />

      <label class="switch">
        <input type="checkbox" checked={settings.scanCodeBlocks} onChange={(e) => onChange({ scanCodeBlocks: e.currentTarget.checked })} />
        <span>Also look for names inside code blocks</span>
      </label>

      <label class="switch">
        <input type="checkbox" checked={settings.dailyPackUpdates} onChange={(e) => onChange({ dailyPackUpdates: e.currentTarget.checked })} />
        <span>Check packs for updates once a day</span>
      </label>

      <SiteListField
        legend="Sites where Backstory stays off"
        sites={settings.disabledSites}
        empty="None. Turn Backstory off for a site here or from the toolbar button."
        inputLabel="Site to turn off"
        removeLabel={(site) => `Turn Backstory back on for ${site}`}
        hint="A site name or an address; its subdomains are turned off too."
        onChange={(disabledSites) => onChange({ disabledSites })}
        onNote={onNote}
      />

      <ReadingFields settings={settings} onChange={onChange} onNote={onNote} />
    </div>
  );
}
