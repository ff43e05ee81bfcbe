import { describe, expect, it } from 'vitest';
import { findArticlesByUrl } from '../../../lib/kb/find-by-url';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { MY_ARTICLES_PACK_ID, saveUserArticle, type UserArticleInput } from '../../../lib/kb/my-articles';
import { getRevision } from '../../../lib/db/revision';
import { rowsOfPack } from '../../../lib/kb/keys';
import { exportAll, freshDatabase, makePack, mentionsOfArticle } from './test-db';

const ARTICLE: UserArticleInput = {
  headline: 'Ada Lovelace remembered in London',
  url: 'https://news.example.com/ada-remembered',
  author: ['  Jane Roe '],
  datePublished: '2024-12-10',
  publisher: 'Example News',
  articleBody: 'A plaque for Ada Lovelace was unveiled in London.\n\nCharles Babbage, her friend, would have been pleased, said Mary Somerville Trust chair Ann Lee.',
};

async function seeded() {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'builtin' } });
  return db;
}

describe('saveUserArticle', () => {
  it('creates "My articles" on first use, with the article linked to what the library knows', async () => {
    const db = await seeded();
    const result = await saveUserArticle(db, { article: ARTICLE, now: 1000 });
    expect(result).toMatchObject({ status: 'saved', articleKey: 'my-articles/ada-lovelace-remembered-in-london', entityKeys: [] });
    const pack = await db.packs.get(MY_ARTICLES_PACK_ID);
    expect(pack).toMatchObject({ name: 'My articles', source: { kind: 'user' }, enabled: true, articleCount: 1, entityCount: 0 });
    const article = await db.articles.get('my-articles/ada-lovelace-remembered-in-london');
    expect(article).toMatchObject({ author: ['Jane Roe'], datePublished: '2024-12-10', publisher: 'Example News' });
    const mentions = await mentionsOfArticle(db, article!.key);
    expect(mentions.map((m) => m.entityKey).sort()).toEqual(['test-pack/ada', 'test-pack/london']);
    expect(mentions.find((m) => m.entityKey === 'test-pack/ada')?.sentence).toBe('A plaque for Ada Lovelace was unveiled in London.');
    // The popover of a known entity now lists the saved article.
    const [card] = await getEntityCards(db, ['test-pack/ada']);
    expect(card!.articles.map((a) => a.headline)).toContain('Ada Lovelace remembered in London');
  });

  it('adds accepted entities to the pack with their type, and links the article to them', async () => {
    const db = await seeded();
    const result = await saveUserArticle(db, {
      article: ARTICLE,
      newEntities: [{ name: 'Charles Babbage', type: 'Person', alternateName: ['Babbage', 'Charles Babbage', ' '] }, { name: 'Mary Somerville Trust', type: 'Organization' }],
    });
    if (result.status === 'invalid') throw new Error('invalid');
    expect(result.entityKeys).toEqual(['my-articles/charles-babbage', 'my-articles/mary-somerville-trust']);
    expect(await db.entities.get('my-articles/charles-babbage')).toMatchObject({ name: 'Charles Babbage', type: 'Person', alternateName: ['Babbage'] });
    expect(await db.entities.get('my-articles/mary-somerville-trust')).toMatchObject({ type: 'Organization' });
    expect(result.mentionedKeys.sort()).toEqual(['my-articles/charles-babbage', 'my-articles/mary-somerville-trust', 'test-pack/ada', 'test-pack/london']);
    expect((await db.packs.get(MY_ARTICLES_PACK_ID))?.entityCount).toBe(2);
  });

  it('updates rather than duplicates when the same URL is saved again, and reuses an entity of the same name', async () => {
    const db = await seeded();
    await saveUserArticle(db, { article: ARTICLE, newEntities: [{ name: 'Charles Babbage', type: 'Person' }] });
    const revision = await getRevision(db);
    const again = await saveUserArticle(db, {
      article: { ...ARTICLE, headline: 'A plaque for Ada Lovelace', articleBody: 'Only Charles Babbage is named here.' },
      newEntities: [{ name: 'charles babbage', type: 'Person' }],
    });
    expect(again).toMatchObject({ status: 'updated', articleKey: 'my-articles/ada-lovelace-remembered-in-london', entityKeys: ['my-articles/charles-babbage'] });
    expect(await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).count()).toBe(1);
    expect((await db.articles.get('my-articles/ada-lovelace-remembered-in-london'))?.headline).toBe('A plaque for Ada Lovelace');
    // Old mentions are gone with the old text; the headline still names Ada.
    const mentions = await mentionsOfArticle(db, 'my-articles/ada-lovelace-remembered-in-london');
    expect(mentions.map((m) => m.entityKey).sort()).toEqual(['my-articles/charles-babbage', 'test-pack/ada']);
    expect(await rowsOfPack(db.entities, MY_ARTICLES_PACK_ID).count()).toBe(1);
    expect(await db.packs.get(MY_ARTICLES_PACK_ID)).toMatchObject({ articleCount: 1, entityCount: 1 });
    expect(await getRevision(db)).toBe(revision + 1);
  });

  it('gives a second article with the same headline but another URL its own id', async () => {
    const db = await seeded();
    await saveUserArticle(db, { article: ARTICLE });
    const second = await saveUserArticle(db, { article: { ...ARTICLE, url: 'https://other.example.com/x' } });
    expect(second).toMatchObject({ status: 'saved', articleKey: 'my-articles/ada-lovelace-remembered-in-london-2' });
  });

  it('ignores entities of disabled packs when finding mentions', async () => {
    const db = await seeded();
    await setPackEnabled(db, 'test-pack', false);
    const result = await saveUserArticle(db, { article: ARTICLE });
    expect(result).toMatchObject({ mentionedKeys: [] });
  });

  it('writes nothing and names the problem when the input is invalid', async () => {
    const db = await seeded();
    const before = await exportAll(db);
    const result = await saveUserArticle(db, {
      article: { ...ARTICLE, headline: '  ', datePublished: '10/12/2024' },
      newEntities: [{ name: '', type: 'Person' }],
    });
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.issues.map((i) => i.path)).toEqual(['article.headline', 'article.datePublished', 'newEntities[0].name']);
    expect(await exportAll(db)).toEqual(before);
  });
});

describe('findArticlesByUrl', () => {
  it('finds a saved article by its URL, ignoring the fragment', async () => {
    const db = await seeded();
    const saved = await saveUserArticle(db, { article: ARTICLE });
    const found = await findArticlesByUrl(db, 'https://news.example.com/ada-remembered#comments');
    expect(found).toEqual([{ key: (saved as { articleKey: string }).articleKey, packId: 'my-articles', headline: ARTICLE.headline }]);
    expect(await findArticlesByUrl(db, 'https://news.example.com/other')).toEqual([]);
    expect(await findArticlesByUrl(db, 'chrome://newtab/')).toEqual([]);
  });
});
