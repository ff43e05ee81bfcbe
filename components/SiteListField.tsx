import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { parseSiteInput } from '../lib/settings/site-input';

export interface SiteListFieldProps {
  legend: string;
  sites: readonly string[];
  /** Shown while the list is empty. */
  empty: ComponentChildren;
  /** Accessible name of the text field ("Site to turn off"). */
  inputLabel: string;
  /** Accessible name of a site's Remove button. */
  removeLabel(site: string): string;
  hint: string;
  /** Called with the whole new list. */
  onChange(sites: string[]): void;
  /** The field is about to say something of its own (a refused site): the owner's older note is out of date. */
  onNote?(): void;
}

/** A list of sites with Remove buttons and a field to add one (typed as a site name or an address). */
export function SiteListField({ legend, sites, empty, inputLabel, removeLabel, hint, onChange, onNote }: SiteListFieldProps) {
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
    if (sites.includes(parsed.site)) setSiteNote({ text: `${parsed.site} is already in the list.`, invalid: false });
    else {
      onChange([...sites, parsed.site]);
      setSiteNote(undefined);
    }
    setSite('');
  }

  return (
    <fieldset>
      <legend>{legend}</legend>
      {sites.length === 0 ? (
        <p class="muted small">{empty}</p>
      ) : (
        <ul class="site-list" aria-label={legend}>
          {sites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="button button--quiet" aria-label={removeLabel(s)} onClick={() => onChange(sites.filter((x) => x !== s))}>
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
          {inputLabel}
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
        {hint}
      </p>
    </fieldset>
  );
}
