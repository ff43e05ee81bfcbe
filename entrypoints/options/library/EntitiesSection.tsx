import { useState } from 'preact/hooks';
import { NewEntityForm } from '../../../components/NewEntityForm';
import { SearchField } from '../../../components/SearchField';
import { VirtualList } from '../../../components/VirtualList';
import { getDatabase } from '../../../lib/db/database';
import { entitiesByKeys, entityKeys } from '../../../lib/kb/library-queries';
import { addUserEntity } from '../../../lib/kb/user-pack';
import { entityHref } from '../../../lib/routes/extension-routes';
import { useLiveQuery } from '../use-live-query';
import { useDebounced } from './use-debounced';
import { usePagedRows } from './use-paged-rows';
import { countOf } from '../../../lib/text/plural';
import { typeLabel } from '../../../lib/text/type-labels';

const SEARCH_PAUSE_MS = 150;
const ROW_PX = 56;

const fetchEntities = (keys: readonly string[]) => entitiesByKeys(getDatabase(), keys);
type EntityListRow = NonNullable<Awaited<ReturnType<typeof fetchEntities>>[number]>;

/** Adds an entity by hand and opens its page. */
async function add(entity: Parameters<typeof addUserEntity>[1]) {
  const key = await addUserEntity(getDatabase(), entity);
  location.hash = entityHref(key);
}

/** Every entity of the library by name, searchable by name and alias; adding one by hand. */
export function EntitiesSection() {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, SEARCH_PAUSE_MS);
  const keys = useLiveQuery(() => entityKeys(getDatabase(), settled), [settled]);
  const packNames = useLiveQuery(async () => new Map((await getDatabase().packs.toArray()).map((p) => [p.id, p.name])), []);
  const { row, onRangeChange } = usePagedRows<EntityListRow>(keys, fetchEntities);
  const count = keys?.length ?? 0;

  return (
    <>
      <section class="panel" aria-labelledby="entities-title">
        <h2 id="entities-title">Entities</h2>
        <SearchField
          label="Search entities"
          placeholder="A name or another name"
          value={query}
          onInput={setQuery}
          resultText={keys === undefined ? 'Searching…' : countOf(count, 'entity', 'entities')}
        />
        {keys !== undefined && count > 0 && (
          <VirtualList
            count={count}
            label="Entities"
            estimateRowPx={ROW_PX}
            onRangeChange={onRangeChange}
            renderRow={(i) => {
              const entity = row(i);
              if (!entity) return <p class="muted">Loading…</p>;
              return (
                <div class="library-row">
                  <a href={entityHref(entity.key)} class="library-row__title">
                    {entity.name}
                  </a>
                  <p class="library-row__meta">
                    {[typeLabel(entity.type), packNames?.get(entity.packId), entity.hidden ? 'not highlighted' : ''].filter(Boolean).join(' · ')}
                  </p>
                </div>
              );
            }}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="new-entity-title">
        <h2 id="new-entity-title">Add an entity</h2>
        <p class="muted small">It goes into “My articles” and is highlighted on pages from now on.</p>
        <NewEntityForm onAdd={(entity) => void add(entity)} />
      </section>
    </>
  );
}
