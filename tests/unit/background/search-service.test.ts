import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSearchService } from '../../../entrypoints/background/search-index';
import { installPack } from '../../../lib/kb/install-pack';
import { SEARCH_INDEX_META_KEY } from '../../../lib/search/stored-index';
import { loadStoredState } from '../../../lib/search/stored-index';
import { readTermIndexState, TermIndexDatabase } from '../../../lib/search/term-index/term-database';
import { freshDatabase, makePack } from '../kb/test-db';

const source = { kind: 'file' } as const;
let counter = 0;
const freshTerms = () => new TermIndexDatabase({ name: `service-terms-${++counter}`, indexedDB: new IDBFactory(), IDBKeyRange });
const titles = (results: { entities: Array<{ title: { text: string } }> }) => results.entities.map((e) => e.title.text);

describe('the background search service', () => {
  it('searches a small library with the in-memory index, and keeps the term index empty', async () => {
    const db = freshDatabase();
    const terms = freshTerms();
    await installPack(db, makePack(), { source });
    const service = createSearchService(db, Promise.resolve(), { terms, termIndexMinDocuments: 100 });
    await service.refresh();
    expect(titles(await service.search('lovel'))).toEqual(['Ada Lovelace']);
    expect(await readTermIndexState(terms)).toMatchObject({ active: false });
    expect(await terms.words.count()).toBe(0);
    await service.flush();
    expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeDefined();
  });

  it('above the line, answers from the term index, written after each change, and drops the stored in-memory index', async () => {
    const db = freshDatabase();
    const terms = freshTerms();
    await installPack(db, makePack(), { source });
    const small = createSearchService(db, Promise.resolve(), { terms, termIndexMinDocuments: 100 });
    await small.refresh();
    await small.flush();
    // The library grows past the line (here 3 documents).
    const service = createSearchService(db, Promise.resolve(), { terms, termIndexMinDocuments: 3 });
    await installPack(db, makePack({ id: 'more', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person' }], articles: [] }), { source });
    await service.refresh();
    expect(await readTermIndexState(terms)).toMatchObject({ active: true });
    expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeUndefined();
    expect(titles(await service.search('babbag'))).toEqual(['Charles Babbage']);
    const ada = await service.search('lovelace');
    expect(ada.entities[0]).toMatchObject({ key: 'test-pack/ada', title: { text: 'Ada Lovelace', marks: [[4, 12]] } });
    expect(ada.articles.map((a) => a.title.text)).toContain('Notes on the engine');
  });

  it('switches to the term index when the library grew past the line before the change was announced', async () => {
    const db = freshDatabase();
    const terms = freshTerms();
    await installPack(db, makePack({ entities: [{ id: 'ada', name: 'Ada Lovelace', type: 'Person' }], articles: [] }), { source });
    const service = createSearchService(db, Promise.resolve(), { terms, termIndexMinDocuments: 2 });
    await service.refresh();
    await service.flush();
    expect(await readTermIndexState(terms)).toMatchObject({ active: false });
    // Not announced yet: the in-memory index would be built for the grown library; it is not.
    await installPack(db, makePack({ id: 'more', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person' }, { id: 'byron', name: 'Lord Byron', type: 'Person' }], articles: [] }), { source });
    // A worker woken meanwhile: its first search finds the revision moved.
    const woken = createSearchService(db, Promise.resolve(), { terms, termIndexMinDocuments: 2 });
    await woken.search('babbage');
    // The in-memory index was not built for the grown library: what is stored, unless the term
    // index's refresh (begun by that search) dropped it already, is the one from before.
    const stored = await loadStoredState(db, async () => undefined);
    if (stored) expect([stored.packs.has('test-pack'), stored.packs.has('more')]).toEqual([true, false]);
    await woken.refresh();
    expect(await readTermIndexState(terms)).toMatchObject({ active: true });
    expect(titles(await woken.search('babbage'))).toEqual(['Charles Babbage']);
    expect(await db.meta.get(SEARCH_INDEX_META_KEY)).toBeUndefined();
  });
});
