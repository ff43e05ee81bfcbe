import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BackstoryDatabase } from '../../../lib/db/database';
import type { Pack } from '../../../lib/pack/schema';

let counter = 0;

/** A fresh, empty database on its own fake IndexedDB. */
export function freshDatabase(): BackstoryDatabase {
  return new BackstoryDatabase({ name: `test-${++counter}`, indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of every table, for "nothing changed" comparisons. */
export async function exportAll(db: BackstoryDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** A small valid pack; `overrides` replace top-level parts. */
export function makePack(overrides: { id?: string; version?: string; entities?: Pack['entities']; articles?: Pack['articles'] } = {}): Pack {
  return {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id: overrides.id ?? 'test-pack', name: 'Test pack', version: overrides.version ?? '1.0.0' },
    entities: overrides.entities ?? [
      { id: 'ada', name: 'Ada Lovelace', type: 'Person', alternateName: ['Lovelace'], description: 'Mathematician.' },
      { id: 'london', name: 'London', type: 'Place' },
      { id: 'royal-society', name: 'Royal Society', type: 'Organization' },
    ],
    articles: overrides.articles ?? [
      {
        id: 'old',
        headline: 'Notes on the engine',
        datePublished: '1843-09-01',
        articleBody: 'The translation was published in London. Lovelace added long notes of her own.',
        about: ['ada'],
      },
      {
        id: 'new',
        headline: 'A talk at the Royal Society',
        datePublished: '1850-02-10',
        articleBody: 'Members met on a cold evening.\n\nAda Lovelace was discussed at length by the Royal Society.',
        mentions: ['ada', 'royal-society'],
      },
      {
        id: 'undated',
        headline: 'Letters',
        articleBody: 'Some letters mention Ada Lovelace and London.',
      },
    ],
  } as Pack;
}

/** One stored mention, flattened from its article row, for assertions. */
export interface StoredMention {
  entityKey: string;
  articleKey: string;
  date: string;
  sentence: string;
  role: 'about' | 'mentions';
}

/** Every mention the library stores (schema v3 keeps them in their article rows). */
export async function allMentions(db: BackstoryDatabase): Promise<StoredMention[]> {
  const articles = await db.articles.toArray();
  return articles.flatMap((a) => a.entityMentions.map((m) => ({ ...m, articleKey: a.key, date: a.sortDate ?? '' })));
}

/** The mentions of one article. */
export async function mentionsOfArticle(db: BackstoryDatabase, articleKey: string): Promise<StoredMention[]> {
  return (await allMentions(db)).filter((m) => m.articleKey === articleKey);
}

/** The mention of one entity in one article, if stored. */
export async function mentionOf(db: BackstoryDatabase, entityKey: string, articleKey: string): Promise<StoredMention | undefined> {
  return (await mentionsOfArticle(db, articleKey)).find((m) => m.entityKey === entityKey);
}
