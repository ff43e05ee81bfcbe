import type { PackRow } from '../lib/db/rows';

export interface PackListProps {
  packs: readonly PackRow[];
  onRemove(pack: PackRow): void;
}

/** The installed packs with their counts. */
export function PackList({ packs, onRemove }: PackListProps) {
  if (packs.length === 0) {
    return <p class="muted">No packs installed. Import one to start highlighting names.</p>;
  }
  return (
    <ul class="pack-list" aria-label="Installed packs">
      {packs.map((pack) => (
        <li key={pack.id} class="pack-list__item">
          <div class="pack-list__main">
            <h3 class="pack-list__name">{pack.name}</h3>
            <p class="pack-list__meta">
              {`Version ${pack.version} · ${count(pack.entityCount, 'entity', 'entities')} · ${count(pack.articleCount, 'article', 'articles')}`}
              {pack.source.kind === 'builtin' ? ' · built in' : ''}
            </p>
            {pack.description && <p class="pack-list__description">{pack.description}</p>}
          </div>
          <button type="button" class="button button--quiet" onClick={() => onRemove(pack)} aria-label={`Remove ${pack.name}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
