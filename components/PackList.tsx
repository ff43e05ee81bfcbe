import type { PackRow } from '../lib/db/rows';
import { countOf } from '../lib/text/plural';

export interface PackListProps {
  packs: readonly PackRow[];
  /** Estimated stored bytes per pack id, when known. */
  sizes?: ReadonlyMap<string, string>;
  /** The last update check per pack id, as a sentence. */
  updateNotes?: ReadonlyMap<string, string>;
  onToggle(pack: PackRow, enabled: boolean): void;
  onExport(pack: PackRow): void;
  onRemove(pack: PackRow): void;
  /** Offered for packs with an update address. */
  onCheckUpdate?(pack: PackRow): void;
  /** Ids of packs whose daily update check the user turned off. */
  dailyCheckOff?: ReadonlySet<string>;
  onDailyCheck?(pack: PackRow, on: boolean): void;
  /** For packs made from Wikidata: how often they refresh on their own, in days (0: never). */
  refresh?: {
    choices: ReadonlyArray<{ days: number; label: string }>;
    daysOf(pack: PackRow): number;
    onChange(pack: PackRow, days: number): void;
  };
}

/** The installed packs with their counts, highlighting switch, export and removal. */
export function PackList({ packs, sizes, updateNotes, onToggle, onExport, onRemove, onCheckUpdate, dailyCheckOff, onDailyCheck, refresh }: PackListProps) {
  if (packs.length === 0) {
    return <p class="muted">No packs installed. Import one to start highlighting names.</p>;
  }
  return (
    <ul class="pack-list" aria-label="Installed packs">
      {packs.map((pack) => (
        <li key={pack.id} class={`pack-list__item ${pack.enabled ? '' : 'pack-list__item--off'}`}>
          <div class="pack-list__main">
            <h3 class="pack-list__name">{pack.name}</h3>
            <p class="pack-list__meta">
              {`Version ${pack.version} · ${countOf(pack.entityCount, 'entity', 'entities')} · ${countOf(pack.articleCount, 'article')}`}
              {sourceLabel(pack)}
              {sizes?.get(pack.id) ? ` · about ${sizes.get(pack.id)}` : ''}
            </p>
            {pack.description && <p class="pack-list__description">{pack.description}</p>}
            {updateNotes?.get(pack.id) && <p class="pack-list__description">{updateNotes.get(pack.id)}</p>}
          </div>
          <div class="pack-list__actions">
            <label class="switch">
              {/* The name goes in aria-label, not hidden text, so the pack's name appears once on the page. */}
              <input type="checkbox" checked={pack.enabled} aria-label={`Highlight names of ${pack.name}`} onChange={(e) => onToggle(pack, e.currentTarget.checked)} />
              <span aria-hidden="true">Highlight</span>
            </label>
            {(pack.updateUrl || pack.source.kind === 'url') && onDailyCheck && (
              <label class="switch">
                <input
                  type="checkbox"
                  checked={!dailyCheckOff?.has(pack.id)}
                  aria-label={`Check ${pack.name} for updates daily`}
                  onChange={(e) => onDailyCheck(pack, e.currentTarget.checked)}
                />
                <span aria-hidden="true">Check daily</span>
              </label>
            )}
            {pack.source.kind === 'wikidata' && refresh && (
              <select
                class="pack-list__refresh"
                aria-label={`Refresh ${pack.name} from Wikidata`}
                value={String(refresh.daysOf(pack))}
                onChange={(e) => refresh.onChange(pack, Number(e.currentTarget.value))}
              >
                {refresh.choices.map((choice) => (
                  <option key={choice.days} value={String(choice.days)}>
                    {choice.days === 0 ? 'Refresh: never' : `Refresh: ${choice.label.toLowerCase()}`}
                  </option>
                ))}
              </select>
            )}
            {(pack.updateUrl || pack.source.kind === 'url' || pack.source.kind === 'wikidata') && onCheckUpdate && (
              <button type="button" class="button button--quiet" onClick={() => onCheckUpdate(pack)} aria-label={`Check for updates of ${pack.name}`}>
                Check for updates
              </button>
            )}
            <button type="button" class="button button--quiet" onClick={() => onExport(pack)} aria-label={`Export ${pack.name}`}>
              Export
            </button>
            <button type="button" class="button button--quiet" onClick={() => onRemove(pack)} aria-label={`Remove ${pack.name}`}>
              Remove
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function sourceLabel(pack: PackRow): string {
  switch (pack.source.kind) {
    case 'builtin':
      return ' · built in';
    case 'user':
      return ' · your own';
    case 'url':
      return ' · from the web';
    case 'wikidata':
      return ' · from Wikidata';
    case 'feed':
      return ' · from a feed you follow';
    default:
      return '';
  }
}
