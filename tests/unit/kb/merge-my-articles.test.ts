import { describe, expect, it } from 'vitest';
import { exportPack } from '../../../lib/kb/export-pack';
import { runImport } from '../../../lib/kb/import-pipeline';
import { MY_ARTICLES_PACK_ID, saveUserArticle } from '../../../lib/kb/my-articles';
import { rowsOfPack } from '../../../lib/kb/keys';
import { addUserEntity } from '../../../lib/kb/user-pack';
import { freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A library with a pack, and "My articles" holding one hand-made entity and two saved articles. */
async function libraryWithMyArticles(articles: Array<{ headline: string; url?: string; articleBody: string }>) {
  const db = freshDatabase();
  await runImport(db, bytesOf(makePack()), { source });
  await addUserEntity(db, { name: 'Harbour Trust', type: 'Organization', alternateName: ['The Trust'] }, 1);
  for (const article of articles) await saveUserArticle(db, { article, now: 2 });
  return db;
}

const ownHeadlines = async (db: ReturnType<typeof freshDatabase>) => (await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).toArray()).map((a) => a.headline).sort();

describe('importing an exported "My articles" file', () => {
  it('adds its articles and entities to the user’s own My articles; what is already there stays as it is', async () => {
    const first = await libraryWithMyArticles([
      { headline: 'The Trust buys the pier', url: 'https://news.example/pier', articleBody: 'Harbour Trust bought the pier from London.' },
      { headline: 'Ada at the harbour', url: 'https://news.example/ada', articleBody: 'Ada Lovelace visited the Harbour Trust.' },
    ]);
    const exported = await exportPack(first, MY_ARTICLES_PACK_ID);
    expect(exported?.pack.id).toBe(MY_ARTICLES_PACK_ID);

    // Another browser: its own My articles shares one article and the entity, and has one of its own.
    const second = await libraryWithMyArticles([
      { headline: 'Ada at the harbour', url: 'https://news.example/ada', articleBody: 'Ada Lovelace visited the Harbour Trust.' },
      { headline: 'A quiet week', url: 'https://news.example/quiet', articleBody: 'Nothing happened in London.' },
    ]);
    const packBefore = await second.packs.get(MY_ARTICLES_PACK_ID);
    const outcome = await runImport(second, bytesOf(exported), { source });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'merged', packId: MY_ARTICLES_PACK_ID, entities: 0, articles: 1, alreadyThere: 1 } });
    expect(await ownHeadlines(second)).toEqual(['A quiet week', 'Ada at the harbour', 'The Trust buys the pier']);
    const entities = await rowsOfPack(second.entities, MY_ARTICLES_PACK_ID).toArray();
    expect(entities.map((e) => e.name)).toEqual(['Harbour Trust']);
    // Never the whole pack replaced: the user's pack row stays theirs, with counts that add up.
    const packAfter = await second.packs.get(MY_ARTICLES_PACK_ID);
    expect(packAfter).toMatchObject({ id: MY_ARTICLES_PACK_ID, name: packBefore!.name, source: { kind: 'user' }, articleCount: 3, entityCount: 1 });
    // The merged article is linked to the whole library, as a saved article is: the pack's Ada and London, the user's Trust.
    const pier = (await rowsOfPack(second.articles, MY_ARTICLES_PACK_ID).toArray()).find((a) => a.headline === 'The Trust buys the pier')!;
    expect(pier.entityMentions.map((m) => m.entityKey).sort()).toEqual([`${MY_ARTICLES_PACK_ID}/harbour-trust`, 'test-pack/london']);

    // The same file again adds nothing.
    expect(await runImport(second, bytesOf(exported), { source })).toMatchObject({ ok: true, result: { status: 'merged', entities: 0, articles: 0, alreadyThere: 2 } });
    expect(await ownHeadlines(second)).toHaveLength(3);
  });

  it('creates My articles when there is none, gives taken ids free ones, and follows declared entity ids', async () => {
    const db = freshDatabase();
    await runImport(db, bytesOf(makePack()), { source });
    const file = makePack({
      id: MY_ARTICLES_PACK_ID,
      entities: [{ id: 'ada', name: 'Ada Byron', type: 'Person' }],
      articles: [
        { id: 'a', headline: 'One', articleBody: 'Ada Byron wrote.', about: ['ada'] },
        { id: 'a-copy', headline: 'One', articleBody: 'The same headline, no date and no address: the same article.' },
      ],
    });
    // A file that says it is someone else's pack does not rename the user's.
    file.pack.name = 'Not mine';
    const outcome = await runImport(db, bytesOf(file), { source: { kind: 'url', url: 'https://packs.example/mine.json' } });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'merged', entities: 1, articles: 1, alreadyThere: 1 } });
    expect(await db.packs.get(MY_ARTICLES_PACK_ID)).toMatchObject({ name: 'My articles', source: { kind: 'user' } });
    const [article] = await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).toArray();
    expect(article!.entityMentions).toContainEqual(expect.objectContaining({ entityKey: `${MY_ARTICLES_PACK_ID}/ada`, role: 'about' }));

    // Imported again with another entity of the same id: it gets a free id, and the article follows it.
    const again = makePack({
      id: MY_ARTICLES_PACK_ID,
      entities: [{ id: 'ada', name: 'Ada Lovelace the second', type: 'Person' }],
      articles: [{ id: 'a', headline: 'Two', articleBody: 'Text.', mentions: ['ada'] }],
    });
    expect(await runImport(db, bytesOf(again), { source })).toMatchObject({ ok: true, result: { status: 'merged', entities: 1, articles: 1 } });
    const two = (await rowsOfPack(db.articles, MY_ARTICLES_PACK_ID).toArray()).find((a) => a.headline === 'Two')!;
    expect(two.id).toBe('a-2');
    expect(two.entityMentions.map((m) => m.entityKey)).toEqual([`${MY_ARTICLES_PACK_ID}/ada-2`]);
  });
});
