import { READING_SECONDS_RANGE, type Settings } from '../lib/settings/settings';
import { NumberField } from './NumberField';
import { SiteListField } from './SiteListField';

export interface ReadingFieldsProps {
  settings: Settings;
  onChange(change: Partial<Settings>): void;
  onNote?(): void;
}

/** "Remember what I read": the switch (off by default), the reading time, and the sites never remembered. */
export function ReadingFields({ settings, onChange, onNote }: ReadingFieldsProps) {
  return (
    <fieldset>
      <legend>Reading history</legend>
      <label class="switch">
        <input type="checkbox" checked={settings.rememberReading} onChange={(e) => onChange({ rememberReading: e.currentTarget.checked })} />
        <span>
          Remember what I read
          <span class="choice__hint muted">
            An article you read for a while is saved to “My reading” in this browser, linked to the names it mentions. Never in private windows; nothing is sent anywhere.
          </span>
        </span>
      </label>
      {settings.rememberReading && (
        <>
          <NumberField
            label="Reading time before an article is remembered (seconds)"
            range={READING_SECONDS_RANGE}
            step={1}
            value={settings.readingSeconds}
            hint={`Counted only while the page is visible and its window has focus; from ${READING_SECONDS_RANGE.min} to ${READING_SECONDS_RANGE.max.toLocaleString()}.`}
            onChange={(readingSeconds) => onChange({ readingSeconds })}
          />
          <SiteListField
            legend="Sites never remembered"
            sites={settings.readingExcludedSites}
            empty="None. Articles on sites where Backstory is off are never remembered either."
            inputLabel="Site never to remember"
            removeLabel={(site) => `Remember articles on ${site} again`}
            hint="A site name or an address; its subdomains are excluded too."
            onChange={(readingExcludedSites) => onChange({ readingExcludedSites })}
            onNote={onNote}
          />
        </>
      )}
    </fieldset>
  );
}
