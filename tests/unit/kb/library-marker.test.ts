import { describe, expect, it } from 'vitest';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { installPack } from '../../../lib/kb/install-pack';
import { countLibrary, findLibraryLoss, isUserMadeSource, nextMarker, type LibraryMarker } from '../../../lib/kb/library-marker';
import { saveUserArticle } from '../../../lib/kb/my-articles';
import { freshDatabase, makePack } from './test-db';

const counts = { packs: 2, articles: 13, entities: 41, entityEdits: 2, ownItems: 7 };
const marker: LibraryMarker = { ...counts, revision: 12, at: 1000 };

describe('isUserMadeSource', () => {
  it('counts the user’s own packs and any new kind, not packs that come back by themselves', () => {
    expect(isUserMadeSource({ kind: 'user' })).toBe(true);
    expect(isUserMadeSource({ kind: 'feed' } as never)).toBe(true);
    expect(isUserMadeSource({ kind: 'builtin' })).toBe(false);
    expect(isUserMadeSource({ kind: 'file' })).toBe(false);
    expect(isUserMadeSource({ kind: 'url', url: 'https://example.org/p.json' })).toBe(false);
  });
});

describe('countLibrary', () => {
  it('counts packs, articles, entities, edits, and what only the user made', async () => {
    const db = freshDatabase();
    expect(await countLibrary(db)).toEqual({ packs: 0, articles: 0, entities: 0, entityEdits: 0, ownItems: 0, revision: 0 });
    await installPack(db, makePack(), { source: { kind: 'file' } });
    expect((await countLibrary(db)).ownItems).toBe(0);
    await saveUserArticle(db, { article: { headline: 'Saved', articleBody: 'Ada Lovelace spoke in London.', url: 'https://example.org/a' }, newEntities: [{ name: 'Babbage', type: 'Person' }], now: 1 });
    await saveEntityEdit(db, 'test-pack/london', { hidden: true }, 2);
    const found = await countLibrary(db);
    expect(found).toMatchObject({ packs: 2, articles: 4, entities: 4, entityEdits: 1, ownItems: 3 });
    expect(found.revision).toBe(3);
  });
});

describe('findLibraryLoss', () => {
  it('finds a library emptied or deleted: the revision starts again at 0', () => {
    const found = { packs: 0, articles: 0, entities: 0, entityEdits: 0, ownItems: 0, revision: 0 };
    expect(findLibraryLoss(marker, found, 5000)).toEqual({ marker, found, noticedAt: 5000 });
  });

  it('finds an older copy of the library, even one that still holds things (the starter pack came back)', () => {
    expect(findLibraryLoss(marker, { ...counts, ownItems: 0, packs: 1, revision: 1 }, 5000)).toBeDefined();
    expect(findLibraryLoss(marker, { ...counts, revision: 11 }, 5000)).toBeDefined();
  });

  it('is quiet for the same library or a newer one', () => {
    expect(findLibraryLoss(marker, { ...counts, revision: 12 }, 5000)).toBeUndefined();
    expect(findLibraryLoss(marker, { ...counts, ownItems: 0, revision: 13 }, 5000)).toBeUndefined();
  });

  it('is quiet on first run, and when nothing of the user’s own was there to lose', () => {
    expect(findLibraryLoss(undefined, { ...counts, revision: 0 }, 5000)).toBeUndefined();
    expect(findLibraryLoss({ ...marker, ownItems: 0 }, { ...counts, revision: 0 }, 5000)).toBeUndefined();
  });
});

describe('nextMarker', () => {
  it('records a change, and nothing when nothing changed', () => {
    expect(nextMarker(marker, { ...counts, articles: 14, ownItems: 8, revision: 13 }, 6000)).toEqual({ ...counts, articles: 14, ownItems: 8, revision: 13, at: 6000 });
    expect(nextMarker(marker, { ...counts, revision: 12 }, 6000)).toBeUndefined();
    expect(nextMarker(undefined, { ...counts, revision: 1 }, 6000)).toEqual({ ...counts, revision: 1, at: 6000 });
  });

  it('never overwrites the record of a library found lost', () => {
    expect(nextMarker(marker, { packs: 1, articles: 10, entities: 39, entityEdits: 0, ownItems: 0, revision: 1 }, 6000)).toBeUndefined();
  });
});
