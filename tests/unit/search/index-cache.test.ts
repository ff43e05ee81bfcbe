import { describe, expect, it } from 'vitest';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { loadStoredIndexCopy, SearchIndexCache } from '../../../lib/search/index-cache';
import { SEARCH_INDEX_META_KEY } from '../../../lib/search/stored-index';
import { searchKnowledge } from '../../../lib/search/query';
import { RowCache } from '../../../lib/search/row-cache';
import { freshDatabase, makePack } from '../kb/test-db';

const source = { kind: 'file' } as const;
const LIMITS = { entities: 10, articles: 10 };
/** A clock that moves on 10 s per reading: every `get` checks the revision. */
function alwaysLater(): () => number {
  let t = 0;
  return () => (t += 10_000);
}

/** Builds the index and stores it at once (a store otherwise waits for quiet writes). */
async function builtAndStored(cache: SearchIndexCache) {
  const index = await cache.get();
  await cache.flush();
  return index;
}

const entityKeys = async (cache: SearchIndexCache, q: string) => (await cache.get()).search(q, LIMITS).entities.map((h) => h.key);

describe('SearchIndexCache', () => {
  it('builds from the knowledge base and stores the index', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(cache, 'lovel')).toEqual(['test-pack/ada']);
    expect(cache.report).toMatchObject({ loaded: false, added: ['test-pack'], removed: [] });
    await cache.flush();
    expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeDefined();
  });

  it('a new instance (a woken service worker) loads the stored index instead of rebuilding', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const woken = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(woken, 'ada')).toEqual(['test-pack/ada']);
    expect(woken.report).toMatchObject({ loaded: true, added: [], removed: [] });
  });

  it('re-indexes only the pack that changed, and drops what an update removed', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await installPack(db, makePack({ id: 'other', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person', alternateName: [], sameAs: [] }], articles: [] }), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    await cache.get();
    await installPack(
      db,
      makePack({ version: '2.0.0', entities: [{ id: 'mary', name: 'Mary Somerville', type: 'Person', alternateName: [], sameAs: [] }], articles: [] }),
      { source },
    );
    expect(await entityKeys(cache, 'somerville')).toEqual(['test-pack/mary']);
    expect(await entityKeys(cache, 'lovelace')).toEqual([]);
    expect(await entityKeys(cache, 'babbage')).toEqual(['other/babbage']);
    expect(cache.report).toMatchObject({ added: ['test-pack'], removed: ['test-pack'] });
  });

  it("finds an entity by the other names the user gave it, and forgets them when the edit is undone", async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(cache, 'enchantress')).toEqual([]);
    await saveEntityEdit(db, 'test-pack/ada', { alternateName: ['Enchantress of Numbers'] }, 1);
    expect(await entityKeys(cache, 'enchantress')).toEqual(['test-pack/ada']);
    await saveEntityEdit(db, 'test-pack/ada', { alternateName: undefined }, 2);
    expect(await entityKeys(cache, 'enchantress')).toEqual([]);
  });

  it('follows a removed pack, and keeps a disabled one searchable (disabling turns off highlights only)', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    await cache.get();
    await setPackEnabled(db, 'test-pack', false);
    expect(await entityKeys(cache, 'ada')).toEqual(['test-pack/ada']);
    expect(cache.report).toMatchObject({ added: [], removed: [] });
    await removePackWithUndo(db, 'test-pack');
    expect(await entityKeys(cache, 'ada')).toEqual([]);
    expect((await cache.get()).documentCount).toBe(0);
  });

  it("notices an article added to a pack in place (the user's own articles)", async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    await cache.get();
    await db.transaction('rw', [db.articles, db.meta], async () => {
      await db.articles.add({ key: 'test-pack/mine', packId: 'test-pack', id: 'mine', headline: 'My notes on Babbage', author: [], about: [], keywords: [], entityMentions: [], mentionIndex: [] });
      const { bumpRevision } = await import('../../../lib/db/revision');
      await bumpRevision(db);
    });
    expect((await cache.get()).search('babbage', LIMITS).articles.map((h) => h.key)).toEqual(['test-pack/mine']);
  });

  it('indexes again only the new and changed documents of a changed pack, and takes out the ones it lost', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater());
    const before = (await cache.get()).changeCount;
    const pack = makePack();
    await installPack(db, { ...pack, pack: { ...pack.pack, version: '1.1.0' }, articles: [...pack.articles!.slice(0, 2), { id: 'added', headline: 'Babbage replies' }], entities: pack.entities!.map((e) => (e.id === 'london' ? { ...e, name: 'City of London' } : e)) }, { source });
    const index = await cache.get();
    // One entity changed, one article new, one gone: three changes, not the pack's six documents out and in.
    expect(index.changeCount - before).toBe(3);
    expect(index.search('babbage', LIMITS).articles.map((h) => h.key)).toEqual(['test-pack/added']);
    expect(index.search('letters', LIMITS).articles).toEqual([]);
    expect(index.search('city of london', LIMITS).entities.map((h) => h.key)).toEqual(['test-pack/london']);
    expect(index.documentCount).toBe(6);
  });

  it('rebuilds when the stored index is of another format', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const stored = await db.meta.get(SEARCH_INDEX_META_KEY);
    const head = stored!.value as { meta: object };
    await db.meta.put({ key: SEARCH_INDEX_META_KEY, value: { ...head, meta: { ...head.meta, format: -1 } } });
    const cache = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(cache, 'ada')).toEqual(['test-pack/ada']);
    expect(cache.report).toMatchObject({ loaded: false, added: ['test-pack'] });
  });
});

const storedGeneration = async (db: ReturnType<typeof freshDatabase>) => ((await db.meta.get(SEARCH_INDEX_META_KEY))?.value as { generation?: number } | undefined)?.generation;

describe('SearchIndexCache stores', () => {
  const other = makePack({ id: 'other', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person', alternateName: [], sameAs: [] }], articles: [] });

  it('once writes are quiet, not after each write', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater(), { storeQuietMs: 200, storeEveryMs: 0 });
    // The first build is stored at once: the popup's own copy waits for a stored index.
    await builtAndStored(cache);
    expect(await storedGeneration(db)).toBe(1);
    await installPack(db, other, { source });
    await cache.get();
    await removePackWithUndo(db, 'other');
    expect(await entityKeys(cache, 'babbage')).toEqual([]);
    expect(await storedGeneration(db)).toBe(1);
    await expect.poll(() => storedGeneration(db), { timeout: 3_000 }).toBe(2);
    const woken = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(woken, 'lovelace')).toEqual(['test-pack/ada']);
    expect(woken.report).toMatchObject({ loaded: true, added: [], removed: [] });
  });

  it('a change that changed no document only marks the stored index with the new revision, at once', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const cache = new SearchIndexCache(db, alwaysLater(), { storeQuietMs: 60_000 });
    await builtAndStored(cache);
    await setPackEnabled(db, 'test-pack', false);
    await cache.get();
    // The popup's own copy needs a stored index of the current revision.
    await expect.poll(async () => (await loadStoredIndexCopy(db)) !== undefined, { timeout: 3_000 }).toBe(true);
    expect(await storedGeneration(db)).toBe(1);
  });

  it('a worker stopped before it stored loads the older stored index and re-indexes only what changed since', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    await installPack(db, other, { source });
    const woken = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(woken, 'babbage')).toEqual(['other/babbage']);
    expect(woken.report).toMatchObject({ loaded: true, added: ['other'], removed: [] });
  });

  it('rebuilds when a part of the stored index is missing, instead of loading half of it', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const parts = (await db.meta.where('key').startsWith('searchIndexPart/').primaryKeys()) as string[];
    expect(parts.length).toBeGreaterThan(3);
    await db.meta.delete(parts[1]!);
    const woken = new SearchIndexCache(db, alwaysLater());
    expect(await entityKeys(woken, 'lovelace')).toEqual(['test-pack/ada']);
    expect(woken.report).toMatchObject({ loaded: false, added: ['test-pack'] });
  });
});

describe('SearchIndexCache revision checks', () => {
  it('trusts a checked revision for a moment, and reads it again after invalidate()', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    let now = 0;
    const cache = new SearchIndexCache(db, () => now);
    expect(await entityKeys(cache, 'babbage')).toEqual([]);
    await installPack(db, makePack({ id: 'other', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person', alternateName: [], sameAs: [] }], articles: [] }), { source });
    now += 500;
    expect(await entityKeys(cache, 'babbage')).toEqual([]);
    cache.invalidate();
    expect(await entityKeys(cache, 'babbage')).toEqual(['other/babbage']);
    await removePackWithUndo(db, 'other');
    now += 5_000;
    expect(await entityKeys(cache, 'babbage')).toEqual([]);
  });

  it('getQuick answers at once from the last check; past the trust window it checks beside the answer', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    let now = 0;
    const cache = new SearchIndexCache(db, () => now);
    await cache.getQuick();
    await installPack(db, makePack({ id: 'other', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person', alternateName: [], sameAs: [] }], articles: [] }), { source });
    now += 5_000;
    // This answer is as of the last check; the check it started brings the change.
    expect((await cache.getQuick()).search('babbage', LIMITS).entities).toEqual([]);
    await expect.poll(async () => (await cache.getQuick()).search('babbage', LIMITS).entities.length).toBe(1);
    // A change someone announced is waited for.
    await removePackWithUndo(db, 'other');
    cache.invalidate();
    expect((await cache.getQuick()).search('babbage', LIMITS).entities).toEqual([]);
  });

  it('answers from names and headlines before the stored article text is loaded', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const woken = new SearchIndexCache(db, alwaysLater());
    const index = await woken.get();
    expect(index.textLoaded).toBe(false);
    // "translation" is only in an article's text.
    expect(index.search('translation', LIMITS).articles).toEqual([]);
    await expect.poll(() => index.textLoaded).toBe(true);
    expect(index.search('translation', LIMITS).articles.map((h) => h.key)).toEqual(['test-pack/old']);
  });
});

describe('loadStoredIndexCopy (the popup\'s own copy)', () => {
  it('loads the stored index whole, text and rows included, answering as the background does', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const built = await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const copy = await loadStoredIndexCopy(db);
    expect(copy!.index.textLoaded).toBe(true);
    expect(copy!.index.resultRows).toBeDefined();
    const unreadable = { get: () => Promise.reject(new Error('read the database')) };
    for (const q of ['lovelace', 'translation', 'notes']) {
      expect(await searchKnowledge(copy!.index, unreadable, q)).toEqual(await searchKnowledge(built, new RowCache(db), q));
    }
  });

  it('is not made when the stored index is not of the current revision, and never builds or stores one', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    expect(await loadStoredIndexCopy(db)).toBeUndefined();
    expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeUndefined();
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    await removePackWithUndo(db, 'test-pack');
    expect(await loadStoredIndexCopy(db)).toBeUndefined();
  });
});

describe('searchKnowledge', () => {
  it('shows results with marked words, the entity description and the article text around the match', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const index = await new SearchIndexCache(db, alwaysLater()).get();
    const results = await searchKnowledge(index, new RowCache(db), 'lovelace');
    expect(results.entities).toEqual([
      { kind: 'entity', key: 'test-pack/ada', title: { text: 'Ada Lovelace', marks: [[4, 12]] }, detail: 'Person', snippet: { text: 'Mathematician.', marks: [] } },
    ]);
    const old = results.articles.find((a) => a.key === 'test-pack/old')!;
    expect(old.title).toEqual({ text: 'Notes on the engine', marks: [] });
    expect(old.detail).toMatch(/1843/u);
    expect(old.snippet!.text).toContain('Lovelace added long notes');
    const [start, end] = old.snippet!.marks[0]!;
    expect(old.snippet!.text.slice(start, end)).toBe('Lovelace');
  });

  it('says which alias matched when the name did not', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ entities: [{ id: 'sco', name: 'Shanghai Cooperation Organisation', type: 'Organization', alternateName: ['SCO'], sameAs: [] }], articles: [] }), { source });
    const results = await searchKnowledge(await new SearchIndexCache(db, alwaysLater()).get(), new RowCache(db), 'sco');
    expect(results.entities[0]!.snippet).toEqual({ text: 'Also known as SCO', marks: [[14, 17]] });
  });

  it('shows results from the rows kept with the index, without reading the database', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const index = await new SearchIndexCache(db, alwaysLater()).get();
    const unreadable = { get: () => Promise.reject(new Error('read the database')) };
    expect((await searchKnowledge(index, unreadable, 'lovelace')).entities[0]!.title.text).toBe('Ada Lovelace');
  });

  it('reads rows from the database until a woken index has loaded its own', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await builtAndStored(new SearchIndexCache(db, alwaysLater()));
    const index = await new SearchIndexCache(db, alwaysLater()).get();
    expect(index.resultRows).toBeUndefined();
    const viaDatabase = await searchKnowledge(index, new RowCache(db), 'lovelace');
    await expect.poll(() => index.resultRows).toBeDefined();
    const unreadable = { get: () => Promise.reject(new Error('read the database')) };
    // Entities only: article text may have loaded in between, which adds article results.
    expect((await searchKnowledge(index, unreadable, 'lovelace')).entities).toEqual(viaDatabase.entities);
  });

  it('RowCache reads each row once while it is asked for again, and again after clear()', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const rows = new RowCache(db);
    const first = await rows.get(['test-pack/ada'], []);
    await db.entities.update('test-pack/ada', { type: 'Changed' });
    expect((await rows.get(['test-pack/ada'], [])).entities.get('test-pack/ada')!.type).toBe(first.entities.get('test-pack/ada')!.type);
    rows.clear();
    expect((await rows.get(['test-pack/ada'], [])).entities.get('test-pack/ada')!.type).toBe('Changed');
  });

  it('returns empty groups for an empty query', async () => {
    const db = freshDatabase();
    expect(await searchKnowledge(await new SearchIndexCache(db, alwaysLater()).get(), new RowCache(db), ' ')).toEqual({ entities: [], articles: [] });
  });
});
