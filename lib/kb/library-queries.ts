/**
 * Queries behind the library's lists. A list first gets the ordered keys of what it
 * shows (cheap: keys only when there is no search), then rows one page at a time as
 * they scroll into view, so 50,000 entities are never loaded whole.
 */
import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow, EntityRow } from '../db/rows';
import { foldText } from '../text/fold';
import { editsByKey, withEdit } from './entity-edits';
import { installedPackIds, packIdOfKey } from './keys';

/** Article keys, newest first; with a query, those whose headline, publisher, date or pack name contains it. */
export async function articleKeys(db: BackstoryDatabase, query = ''): Promise<string[]> {
  const newestFirst = db.articles.orderBy('sortDate').reverse();
  const q = foldText(query.trim());
  const packs = await db.packs.toArray();
  const installed = new Set(packs.map((p) => p.id));
  if (!q) return installedOnly((await newestFirst.primaryKeys()) as string[], installed);
  const packHits = new Set(packs.filter((p) => foldText(p.name).includes(q)).map((p) => p.id));
  return (await newestFirst
    .filter(
      (a) =>
        installed.has(a.packId) &&
        (packHits.has(a.packId) ||
          foldText(a.headline).includes(q) ||
          (a.publisher !== undefined && foldText(a.publisher).includes(q)) ||
          (a.datePublished ?? '').startsWith(q)),
    )
    .primaryKeys()) as string[];
}

/** The keys of installed packs' rows: an import being written (staged-pack.ts) is not listed yet. */
function installedOnly(keys: string[], installed: ReadonlySet<string>): string[] {
  return keys.filter((key) => installed.has(packIdOfKey(key)));
}

/** Entity keys by name; with a query, names and aliases (edited ones included) that contain it, prefixes first. */
export async function entityKeys(db: BackstoryDatabase, query = ''): Promise<string[]> {
  const q = foldText(query.trim());
  const installed = await installedPackIds(db);
  if (!q) return installedOnly((await db.entities.orderBy('nameFold').primaryKeys()) as string[], installed);
  const edits = await editsByKey(db);
  const prefix: string[] = [];
  const inside: string[] = [];
  await db.entities.orderBy('nameFold').each((row) => {
    if (!installed.has(row.packId)) return;
    const entity = withEdit(row, edits.get(row.key));
    const name = row.nameFold ?? foldText(row.name);
    if (name.startsWith(q)) prefix.push(row.key);
    else if (name.includes(q) || entity.alternateName.some((a) => foldText(a).includes(q))) inside.push(row.key);
  });
  return [...prefix, ...inside];
}

/** Rows for some keys, in the keys' order; missing rows (deleted meanwhile) are undefined. */
export async function articlesByKeys(db: BackstoryDatabase, keys: readonly string[]): Promise<Array<ArticleRow | undefined>> {
  return db.articles.bulkGet([...keys]);
}

/** Entity rows with the user's edits applied, in the keys' order. */
export async function entitiesByKeys(db: BackstoryDatabase, keys: readonly string[]): Promise<Array<(EntityRow & { hidden: boolean }) | undefined>> {
  const [rows, edits] = await Promise.all([db.entities.bulkGet([...keys]), db.entityEdits.bulkGet([...keys])]);
  return rows.map((row, i) => (row ? { ...withEdit(row, edits[i]), hidden: edits[i]?.hidden ?? false } : undefined));
}
