import { describe, expect, it } from 'vitest';
import { loadLocalIndex } from '../../../entrypoints/popup/local-index';
import { installPack } from '../../../lib/kb/install-pack';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { SearchIndexCache } from '../../../lib/search/index-cache';
import { freshDatabase, makePack } from '../kb/test-db';

const LIMITS = { entities: 8, articles: 8 };

describe("the popup's own copy of the index", () => {
  it('is loaded from the stored index, and dropped once the library changes (checked beside a search)', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    await new SearchIndexCache(db).get();
    let now = 0;
    const local = loadLocalIndex(db, { now: () => now });
    expect(await local.ready).toBe(true);
    expect(local.current()!.search('lovelace', LIMITS).entities.map((h) => h.key)).toEqual(['test-pack/ada']);
    await removePackWithUndo(db, 'test-pack');
    // Within the trust window the copy answers; past it, the check runs beside and drops it.
    expect(local.current()).toBeDefined();
    now += 5_000;
    expect(local.current()).toBeDefined();
    await expect.poll(() => local.current()).toBeUndefined();
  });

  it('is not made when the stored index is behind the library: the background answers', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    const local = loadLocalIndex(db);
    expect(await local.ready).toBe(false);
    expect(local.current()).toBeUndefined();
  });

  it('is not made for a library larger than the popup should hold: the background answers', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    await new SearchIndexCache(db).get();
    const documents = (await db.entities.count()) + (await db.articles.count());
    expect(await loadLocalIndex(db, { maxDocuments: documents - 1 }).ready).toBe(false);
    expect(await loadLocalIndex(db, { maxDocuments: documents }).ready).toBe(true);
  });
});
