import { describe, expect, it, vi } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { pagesOfPack } from '../../../lib/kb/keys';
import { MatcherCache } from '../../../lib/kb/matcher-cache';
import { freshDatabase, makePack } from './test-db';

describe('MatcherCache', () => {
  it('matches the names of the current knowledge base and follows its changes', async () => {
    const db = freshDatabase();
    const cache = new MatcherCache(db);
    expect((await cache.get()).matcher.scan('Ada Lovelace in London')).toEqual([]);
    await installPack(db, makePack(), { source: { kind: 'file' } });
    const spans = (await cache.get()).matcher.scan('Ada Lovelace in London');
    expect(spans.map((s) => s.entityKeys)).toEqual([['test-pack/ada'], ['test-pack/london']]);
  });

  it('loads the stored snapshot when it is current instead of recompiling', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    await new MatcherCache(db).get();
    // Remove the entities behind the revision counter's back: a cache that recompiled
    // would no longer know "London"; one that loaded the snapshot still does.
    await db.entities.clear();
    const { matcher } = await new MatcherCache(db).get();
    expect(matcher.scan('London').length).toBe(1);
  });
});

describe('MatcherCache with hidden entity types', () => {
  it('leaves hidden types out and rebuilds when the choice changes', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    let hidden: string[] = ['Place'];
    const cache = new MatcherCache(db, { hiddenTypes: async () => hidden });
    const names = async () => (await cache.get()).matcher.scan('Ada Lovelace in London').map((s) => s.entityKeys[0]);
    expect(await names()).toEqual(['test-pack/ada']);
    hidden = [];
    expect(await names()).toEqual(['test-pack/ada', 'test-pack/london']);
  });
});

describe('MatcherCache while a new matcher is built', () => {
  it('serves the previous matcher until the new one is ready, then the new one', async () => {
    const db = freshDatabase();
    const cache = new MatcherCache(db);
    const before = await cache.get();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    const served = await cache.serving();
    expect(served).toBe(before);
    expect(served.matcher.scan('Ada Lovelace in London')).toEqual([]);
    const fresh = await cache.get();
    expect(fresh.revision).toBeGreaterThan(before.revision);
    expect((await cache.serving()).matcher.scan('Ada Lovelace').map((s) => s.entityKeys)).toEqual([['test-pack/ada']]);
  });

  it('waits for the first matcher when there is none to serve', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    const served = await new MatcherCache(db).serving();
    expect(served.matcher.scan('Ada Lovelace').length).toBe(1);
  });
});

describe('MatcherCache reading a large library', () => {
  it('reads a pack a page at a time, every row once, no row of another pack', async () => {
    const db = freshDatabase();
    const entities = Array.from({ length: 7 }, (_, i) => ({ id: `e${i}`, name: `Person ${i}`, type: 'Person' as const }));
    await installPack(db, makePack({ id: 'big', entities, articles: [] }), { source: { kind: 'file' } });
    await installPack(db, makePack({ id: 'big-two' }), { source: { kind: 'file' } });
    const pages: string[][] = [];
    for await (const page of pagesOfPack(db.entities, 'big', 3)) pages.push(page.map((row) => row.key));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(entities.map((e) => `big/${e.id}`).toSorted());
  });
});

describe('MatcherCache rebuilding', () => {
  it('gives the thread back while it reads and compiles (zero timeouts between slices)', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'file' } });
    const cache = new MatcherCache(db);
    const zeroTimeouts = vi.spyOn(globalThis, 'setTimeout');
    try {
      await cache.get();
      expect(zeroTimeouts.mock.calls.filter(([, delay]) => delay === 0).length).toBeGreaterThan(0);
    } finally {
      zeroTimeouts.mockRestore();
    }
  });
});
