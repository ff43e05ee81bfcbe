import type { BackstoryDatabase } from './database';

const REVISION_KEY = 'revision';

/**
 * The knowledge base's revision: bumped inside every write transaction, so anything
 * derived from the data (the compiled matcher) knows whether it is stale.
 */
export async function getRevision(db: BackstoryDatabase): Promise<number> {
  const row = await db.meta.get(REVISION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Must be called inside a transaction that includes `db.meta`. */
export async function bumpRevision(db: BackstoryDatabase): Promise<number> {
  const next = (await getRevision(db)) + 1;
  await db.meta.put({ key: REVISION_KEY, value: next });
  return next;
}
