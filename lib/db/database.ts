import Dexie, { type EntityTable } from 'dexie';
import { foldText } from '../text/fold';
import type { ArticleRow, EntityEditRow, EntityRow, MetaRow, PackRow } from './rows';
import { upgradeToV3 } from './upgrade-v3';

const DATABASE_NAME = 'backstory';

/** Options that let tests inject fake-indexeddb and a name of their own. */
export interface DatabaseOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * The knowledge base. Versions are append-only: a change is a new `this.version(n)`
 * with an upgrade function, never an edit of a shipped one (tests/unit/db/migrations.test.ts).
 * Only what a query uses is indexed, never big text.
 */
export class BackstoryDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  entities!: EntityTable<EntityRow, 'key'>;
  articles!: EntityTable<ArticleRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  entityEdits!: EntityTable<EntityEditRow, 'key'>;

  constructor(options: DatabaseOptions = {}) {
    // Only pass what was given: an explicit `undefined` would override Dexie's defaults.
    super(options.name ?? DATABASE_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({
      packs: 'id',
      entities: 'key, packId, *sameAs',
      articles: 'key, packId',
      mentions: '[entityKey+articleKey], [entityKey+date], packId, articleKey',
      meta: 'key',
    });
    // v2: the library browses entities by folded name and articles by date, page by page,
    // and keeps the user's entity edits apart from pack rows.
    this.version(2)
      .stores({
        entities: 'key, packId, *sameAs, nameFold',
        articles: 'key, packId, sortDate',
        entityEdits: 'key',
      })
      .upgrade(async (tx) => {
        await tx.table<EntityRow>('entities').toCollection().modify((entity) => {
          entity.nameFold = foldText(entity.name);
        });
        await tx.table<ArticleRow>('articles').toCollection().modify((article) => {
          article.sortDate = article.datePublished ?? '';
        });
      });
    // v3: fewer rows and indexes, because IndexedDB's cost is per row and per index entry
    // (docs/benchmarks.md, Import). Mention rows move into their article (`entityMentions`,
    // listed per entity through `*mentionIndex`); rows of one pack are found by a range of
    // the primary key, so the `packId` indexes go; `urlKey` finds a saved page at once.
    this.version(3)
      .stores({
        entities: 'key, nameFold',
        articles: 'key, sortDate, *mentionIndex, urlKey',
      })
      .upgrade(upgradeToV3);
    // v4: the mention rows v3 moved out. A separate version because Dexie lets an
    // upgrade read a table only if a later version deletes it.
    this.version(4).stores({ mentions: null });
    // v5: `nameFold` by the one set of folding rules (lib/text/fold.ts), which the matcher
    // and search share; v2 to v4 folded "Łódź" to "łodz", so the library's filter missed "lodz".
    this.version(5).upgrade(async (tx) => {
      await tx.table<EntityRow>('entities').toCollection().modify((entity) => {
        entity.nameFold = foldText(entity.name);
      });
    });
  }
}

let shared: BackstoryDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): BackstoryDatabase {
  shared ??= new BackstoryDatabase();
  return shared;
}
