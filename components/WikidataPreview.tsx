import { useId } from 'preact/hooks';
import type { AliasDropReason, AliasReport } from '../lib/wikidata/alias-report';
import { ALIAS_DROP_REASONS } from '../lib/wikidata/alias-report';
import { countOf } from '../lib/text/plural';
import { typeLabel } from '../lib/text/type-labels';

/** One name of the preview, as its card will show it. */
export interface PreviewName {
  id: string;
  name: string;
  type: string;
  description?: string;
  dates?: string;
}

export interface WikidataPreviewProps {
  packName: string;
  count: number;
  /** The first few names. */
  sample: readonly PreviewName[];
  aliases: AliasReport;
  /** Items left out for want of a label in the reader's language. */
  withoutLabel: number;
  refreshChoices: ReadonlyArray<{ days: number; label: string }>;
  refreshDays: number;
  adding: boolean;
  onRefreshDays(days: number): void;
  onAdd(): void;
  onDiscard(): void;
}

/** Why aliases were left out, as the report says it. */
const DROP_LABELS: Record<AliasDropReason, string> = {
  'not-a-name': 'Not a name (no letter, too long, or an address)',
  duplicate: 'The name or another alias again',
  'too-short': 'Too short to match safely',
  'two-letter-code': 'Two-letter codes of less-known entities',
  lowercase: 'Written in lower case, so they would match ordinary words',
  'common-word': 'Ordinary words (“May”, “Chase”)',
  shared: 'Shared by more entities than a reader could tell apart',
};

/**
 * What a Wikidata query found, before anything is written: how many names, a sample of
 * their cards, which aliases were left out and why, and how often to refresh.
 */
export function WikidataPreview({ packName, count, sample, aliases, withoutLabel, refreshChoices, refreshDays, adding, onRefreshDays, onAdd, onDiscard }: WikidataPreviewProps) {
  const titleId = useId();
  const refreshId = useId();
  const dropped = ALIAS_DROP_REASONS.filter((reason) => aliases.dropped[reason].count > 0);
  return (
    <section class="wikidata-preview" aria-labelledby={titleId}>
      <h3 id={titleId}>{`${packName}: ${countOf(count, 'name')} found`}</h3>
      <ul class="wikidata-preview__sample" aria-label="Sample of the names">
        {sample.map((entity) => (
          <li key={entity.id} class="wikidata-preview__card">
            <span class="wikidata-preview__name">{entity.name}</span> <span class="wikidata-preview__type">{typeLabel(entity.type)}</span>
            {(entity.description || entity.dates) && (
              <span class="wikidata-preview__description muted">{[entity.description, entity.dates].filter(Boolean).join(' · ')}</span>
            )}
          </li>
        ))}
      </ul>
      {count > sample.length && <p class="muted small">…and {(count - sample.length).toLocaleString()} more.</p>}
      <details class="wikidata-preview__report">
        <summary>
          {`Other names (aliases): ${aliases.kept.toLocaleString()} kept, ${dropped.reduce((sum, reason) => sum + aliases.dropped[reason].count, 0).toLocaleString()} left out`}
          {withoutLabel > 0 ? `; ${countOf(withoutLabel, 'item')} without a name in your language skipped` : ''}
        </summary>
        <ul aria-label="Other names left out, by reason">
          {dropped.map((reason) => (
            <li key={reason}>
              {`${DROP_LABELS[reason]}: ${aliases.dropped[reason].count.toLocaleString()}`}
              <span class="muted">{` (${aliases.dropped[reason].examples.join(', ')})`}</span>
            </li>
          ))}
          {aliases.restricted.count > 0 && (
            <li>
              {`Kept, but matched only in their exact case (short names, ordinary words): ${aliases.restricted.count.toLocaleString()}`}
              <span class="muted">{` (${aliases.restricted.examples.join(', ')})`}</span>
            </li>
          )}
        </ul>
      </details>
      <div class="field">
        <label for={refreshId}>Refresh from Wikidata</label>
        <select id={refreshId} value={String(refreshDays)} disabled={adding} onChange={(event) => onRefreshDays(Number(event.currentTarget.value))}>
          {refreshChoices.map((choice) => (
            <option key={choice.days} value={String(choice.days)}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <p class="button-row">
        <button type="button" class="button" disabled={adding} onClick={onAdd}>
          {adding ? 'Adding…' : 'Add to library'}
        </button>
        <button type="button" class="button button--quiet" disabled={adding} onClick={onDiscard}>
          Discard
        </button>
      </p>
    </section>
  );
}
