import { useId, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../lib/pack/schema';
import { HIGHLIGHT_CAP_RANGE, HOVER_DELAY_RANGE_MS, type HighlightStyle, type Settings } from '../lib/settings/settings';
import { parseSiteInput } from '../lib/settings/site-input';
import { typeGroupLabel } from '../lib/text/type-labels';
import { NumberField } from './NumberField';

export interface SettingsFormProps {
  settings: Settings;
  /** Called with the changed settings only; saved at once, no Save button. */
  onChange(change: Partial<Settings>): void;
  /** The form is about to say something of its own (a refused site): the owner's older note ("Saved.") is out of date. */
  onNote?(): void;
}

const STYLES: ReadonlyArray<{ value: HighlightStyle; label: string; hint: string }> = [
  { value: 'underline', label: 'Underline', hint: 'A quiet dotted line under each known name.' },
  { value: 'background', label: 'Background', hint: 'A soft colour behind each known name.' },
  { value: 'hover-only', label: 'Only under the pointer', hint: 'Names are marked only while you rest the pointer on one, in Backstory’s own layer; pages cannot see which names Backstory knows.' },
];

/** Every setting, each saved as soon as it changes. */
export function SettingsForm({ settings, onChange, onNote }: SettingsFormProps) {
  const ids = { site: useId(), siteNote: useId(), siteHint: useId() };
  const [site, setSite] = useState('');
  /** What the last "Add site" said: why the entry was refused, or that it was listed already. */
  const [siteNote, setSiteNoteState] = useState<{ text: string; invalid: boolean }>();
  function setSiteNote(note: { text: string; invalid: boolean } | undefined) {
    if (note) onNote?.();
    setSiteNoteState(note);
  }

  function addSite() {
    const parsed = parseSiteInput(site);
    if (!parsed.ok) {
      setSiteNote({ text: parsed.message, invalid: true });
      return;
    }
    if (settings.disabledSites.includes(parsed.site)) setSiteNote({ text: `${parsed.site} is already in the list.`, invalid: false });
    else {
      onChange({ disabledSites: [...settings.disabledSites, parsed.site] });
      setSiteNote(undefined);
    }
    setSite('');
  }
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

      <fieldset>
        <legend>Sites where Backstory stays off</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted small">None. Turn Backstory off for a site here or from the toolbar button.</p>
        ) : (
          <ul class="site-list" aria-label="Sites where Backstory stays off">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                <span>{s}</span>
                <button type="button" class="button button--quiet" aria-label={`Turn Backstory back on for ${s}`} onClick={() => onChange({ disabledSites: settings.disabledSites.filter((x) => x !== s) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="url-form__row"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <label for={ids.site} class="visually-hidden">
            Site to turn off
          </label>
          <input
            id={ids.site}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.org"
            value={site}
            aria-invalid={siteNote?.invalid ? true : undefined}
            aria-describedby={`${ids.siteNote} ${ids.siteHint}`}
            onInput={(e) => {
              setSite(e.currentTarget.value);
              if (siteNote) setSiteNote(undefined);
            }}
          />
          <button type="submit" class="button button--quiet">
            Add site
          </button>
        </form>
        {/* Always in the page, so screen readers announce the message when it appears. */}
        <p id={ids.siteNote} role="status" class={siteNote?.invalid ? 'field-note field-note--error' : 'field-note'}>
          {siteNote?.text}
        </p>
        <p id={ids.siteHint} class="field-note muted">
          A site name or an address; its subdomains are turned off too.
        </p>
      </fieldset>
    </div>
  );
}
