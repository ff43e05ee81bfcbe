import { LibraryList } from '../../../components/LibraryList';
import { NewEntityForm } from '../../../components/NewEntityForm';
import { getDatabase } from '../../../lib/db/database';
import { entitiesByKeys, entityKeys } from '../../../lib/kb/library-queries';
import { addUserEntity } from '../../../lib/kb/user-pack';
import { entityHref } from '../../../lib/routes/extension-routes';
import { typeLabel } from '../../../lib/text/type-labels';
import { useLibraryList } from './use-library-list';

const ROW_PX = 56;

const fetchKeys = (query: string) => entityKeys(getDatabase(), query);
const fetchEntities = (keys: readonly string[]) => entitiesByKeys(getDatabase(), keys);
type EntityListRow = NonNullable<Awaited<ReturnType<typeof fetchEntities>>[number]>;

/** Adds an entity by hand and opens its page. */
async function add(entity: Parameters<typeof addUserEntity>[1]) {
  const key = await addUserEntity(getDatabase(), entity);
  location.hash = entityHref(key);
}

/** Every entity of the library by name, searchable by name and alias; adding one by hand. */
export function EntitiesSection() {
  const { list, row, packNames } = useLibraryList<EntityListRow>(fetchKeys, fetchEntities);

  return (
    <>
      <section class="panel" aria-labelledby="entities-title">
        <h2 id="entities-title">Entities</h2>
        <LibraryList
          label="Entities"
          placeholder="A name or another name"
          noun={['entity', 'entities']}
          {...list}
          rowPx={ROW_PX}
          rowAt={(i) => {
            const entity = row(i);
            return (
              entity && {
                href: entityHref(entity.key),
                title: entity.name,
                meta: [typeLabel(entity.type), packNames?.get(entity.packId), entity.hidden ? 'not highlighted' : ''],
              }
            );
          }}
        />
      </section>
      <section class="panel" aria-labelledby="new-entity-title">
        <h2 id="new-entity-title">Add an entity</h2>
        <p class="muted small">It goes into “My articles” and is highlighted on pages from now on.</p>
        <NewEntityForm onAdd={(entity) => void add(entity)} />
      </section>
    </>
  );
}
