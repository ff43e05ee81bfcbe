import { describe, expect, it } from 'vitest';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import { freshDatabase, makePack } from './test-db';

describe('getEntityCards', () => {
  it('describes the entity and lists the articles that mention it newest first, undated last', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'builtin' } });
    const [card] = await getEntityCards(db, ['test-pack/ada'], { articleLimit: 5 });
    expect(card).toMatchObject({ name: 'Ada Lovelace', type: 'Person', description: 'Mathematician.', packName: 'Test pack', articleCount: 3 });
    expect(card!.articles.map((a) => a.key)).toEqual(['test-pack/new', 'test-pack/old', 'test-pack/undated']);
    expect(card!.articles[0]!.sentence).toBe('Ada Lovelace was discussed at length by the Royal Society.');
  });

  it('limits the articles shown but counts them all', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'builtin' } });
    const [card] = await getEntityCards(db, ['test-pack/ada'], { articleLimit: 1 });
    expect(card!.articles).toHaveLength(1);
    expect(card!.articleCount).toBe(3);
  });

  it('relates entities co-mentioned in the same articles, most shared first', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'builtin' } });
    const [card] = await getEntityCards(db, ['test-pack/ada']);
    expect(card!.related.map((r) => r.name)).toEqual(['London', 'Royal Society']);
  });

  it('skips unknown keys and keeps the order asked for', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source: { kind: 'builtin' } });
    const cards = await getEntityCards(db, ['test-pack/london', 'nope/x', 'test-pack/ada']);
    expect(cards.map((c) => c.name)).toEqual(['London', 'Ada Lovelace']);
  });
});
