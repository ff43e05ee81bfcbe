import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { enabledPatterns } from '../../../lib/kb/enabled-patterns';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { exportPack } from '../../../lib/kb/export-pack';
import { installPack } from '../../../lib/kb/install-pack';
import { articleKeys, entitiesByKeys, entityKeys } from '../../../lib/kb/library-queries';
import { MY_ARTICLES_PACK_ID, saveUserArticle } from '../../../lib/kb/my-articles';
import { addUserEntity, deleteArticle } from '../../../lib/kb/user-pack';
import { parsePlainTextArticle } from '../../../lib/pack/plain-text-article';
import { validatePack } from '../../../lib/pack/validate';
import { freshDatabase, makePack, mentionsOfArticle } from './test-db';

const source = { kind: 'file' } as const;

describe('entity edits', () => {
  it('apply to the matcher and the card, hide an entity from pages, and survive an update of its pack', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    await saveEntityEdit(db, 'test-pack/ada', { alternateName: ['Countess Lovelace'], description: 'My own words.' });
    await saveEntityEdit(db, 'test-pack/london', { hidden: true });
    const texts = async () => (await enabledPatterns(db)).map((p) => p.text).sort();
    expect(await texts()).toEqual(['Ada Lovelace', 'Countess Lovelace', 'Royal Society']);
    expect((await getEntityCards(db, ['test-pack/ada']))[0]).toMatchObject({ description: 'My own words.', alternateName: ['Countess Lovelace'] });

    await installPack(db, makePack({ version: '2.0.0' }), { source });
    expect(await texts()).toEqual(['Ada Lovelace', 'Countess Lovelace', 'Royal Society']);

    // Clearing every part of an edit brings back the pack's version.
    await saveEntityEdit(db, 'test-pack/ada', { alternateName: undefined, description: undefined });
    await saveEntityEdit(db, 'test-pack/london', { hidden: false });
    expect(await db.entityEdits.count()).toBe(0);
    expect(await texts()).toEqual(['Ada Lovelace', 'London', 'Lovelace', 'Royal Society']);
  });
});

describe('library lists', () => {
  it('lists articles newest first (undated last) and finds them by headline, publisher, date or pack name', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    expect(await articleKeys(db)).toEqual(['test-pack/new', 'test-pack/old', 'test-pack/undated']);
    expect(await articleKeys(db, 'ROYAL')).toEqual(['test-pack/new']);
    expect(await articleKeys(db, '1843')).toEqual(['test-pack/old']);
    expect(await articleKeys(db, 'test pack')).toHaveLength(3);
  });

  it('lists entities by name and finds them by name or alias, prefixes first', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    expect(await entityKeys(db)).toEqual(['test-pack/ada', 'test-pack/london', 'test-pack/royal-society']);
    expect(await entityKeys(db, 'lo')).toEqual(['test-pack/london', 'test-pack/ada']);
    await saveEntityEdit(db, 'test-pack/royal-society', { alternateName: ['The Society'], hidden: true });
    expect(await entityKeys(db, 'the soc')).toEqual(['test-pack/royal-society']);
    expect((await entitiesByKeys(db, ['test-pack/royal-society', 'gone']))).toMatchObject([{ hidden: true, alternateName: ['The Society'] }, undefined]);
  });
});

describe('the user’s own pack', () => {
  it('saves a plain-text article linked to entities of other packs, and exports as a valid pack', async () => {
    const db = freshDatabase();
    const complete = validatePack(JSON.parse(await readFile('tests/fixtures/packs/valid/complete.pack.json', 'utf8')));
    if (!complete.ok) throw new Error('fixture');
    await installPack(db, complete.pack, { source });
    const parsed = parsePlainTextArticle(await readFile('tests/fixtures/packs/text/port-vale-levy-2025-02-14.txt', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);

    const article = { ...parsed.article, articleBody: parsed.article.articleBody ?? '' };
    const saved = await saveUserArticle(db, { article, now: 5 });
    if (saved.status === 'invalid') throw new Error('invalid');
    const key = saved.articleKey;
    expect(key).toBe('my-articles/port-vale-council-backs-flood-levy-after-all-night-session');
    const linked = (await mentionsOfArticle(db, key)).map((m) => m.entityKey).sort();
    expect(linked).toEqual(expect.arrayContaining(['river-delta-summit.2025/amara-okafor', 'river-delta-summit.2025/port-vale']));
    expect(await db.packs.get(MY_ARTICLES_PACK_ID)).toMatchObject({ name: 'My articles', source: { kind: 'user' }, articleCount: 1 });

    // The same article again gets its own id.
    const savedAgain = await saveUserArticle(db, { article, now: 6 });
    const again = savedAgain.status === 'invalid' ? '' : savedAgain.articleKey;
    expect(again).toBe(`${key}-2`);
    const entityKey = await addUserEntity(db, { name: 'Harbour district', type: 'Place', alternateName: ['the harbour'] }, 7);
    expect(entityKey).toBe('my-articles/harbour-district');
    expect((await enabledPatterns(db)).map((p) => p.text)).toContain('the harbour');

    const exported = validatePack(JSON.parse(JSON.stringify(await exportPack(db, MY_ARTICLES_PACK_ID))));
    expect(exported.ok && [exported.pack.articles.length, exported.pack.entities.length]).toEqual([2, 1]);

    expect(await deleteArticle(db, again)).toBe(true);
    expect(await mentionsOfArticle(db, again)).toEqual([]);
    expect(await db.packs.get(MY_ARTICLES_PACK_ID)).toMatchObject({ articleCount: 1, entityCount: 1 });
  });
});
