import type { Dismissal } from '../lib/settings/site-dismissals';

/** One hidden name, with what the list shows of its entity. */
export interface DismissedNameRow extends Dismissal {
  /** The entity's name and type, or undefined when it is no longer in the library. */
  entity?: { name: string; type: string };
}

export interface DismissedNamesListProps {
  rows: readonly DismissedNameRow[];
  onRemove(row: DismissedNameRow): void;
}

/** The names hidden on sites ("Not this one", "Don't highlight here"), grouped by site, each removable. */
export function DismissedNamesList({ rows, onRemove }: DismissedNamesListProps) {
  if (rows.length === 0) {
    return <p class="muted small">None. "Not this one" or "Don't highlight here" in a name's card hides it on that site.</p>;
  }
  const sites = [...new Set(rows.map((row) => row.site))];
  return (
    <div class="dismissed-names">
      {sites.map((site) => (
        <ul key={site} class="site-list" aria-label={`Names hidden on ${site}`}>
          {rows
            .filter((row) => row.site === site)
            .map((row) => {
              const meaning = row.entity ? `${row.entity.name} (${row.entity.type})` : 'an entity no longer in your library';
              return (
                <li key={`${row.name}\u0000${row.entityKey}`}>
                  <span>
                    <span class="dismissed-names__site">{site}</span> “{row.name}” as {meaning}
                  </span>
                  <button
                    type="button"
                    class="button button--quiet"
                    // The spoken name starts with the visible "Remove", so voice control finds it (WCAG 2.5.3).
                    aria-label={`Remove “${row.name}” as ${row.entity?.name ?? 'that entity'} on ${site}`}
                    onClick={() => onRemove(row)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
        </ul>
      ))}
    </div>
  );
}
