import type { BackstoryDatabase } from '../db/database';

/**
 * Bytes each pack's rows take, estimated from their JSON size (IndexedDB stores a
 * structured clone of about that size, plus indexes); an article's mentions are part of its row. Reads every row once: call it
 * when the user looks at storage, not on every render.
 */
export async function estimatePackSizes(db: BackstoryDatabase): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  // Only installed packs' rows: an import being written (staged-pack.ts) is not counted yet.
  const add = (row: { packId: string }) => {
    const size = sizes.get(row.packId);
    if (size !== undefined) sizes.set(row.packId, size + jsonBytes(row));
  };
  await db.transaction('r', [db.packs, db.entities, db.articles], async () => {
    await db.packs.each((pack) => sizes.set(pack.id, jsonBytes(pack)));
    await db.entities.each(add);
    await db.articles.each(add);
  });
  return sizes;
}

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}
