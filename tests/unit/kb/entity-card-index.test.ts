import { describe, expect, it } from 'vitest';
import { getEntityCards, RELATED_FROM_ARTICLES } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import type { Pack } from '../../../lib/pack/schema';
import { freshDatabase, makePack } from './test-db';

const source = { kind: 'file' } as const;

describe('entity cards read through the mention index', () => {
  it('keeps an entity apart from one whose key starts with its key ("e1" and "e10")', async () => {
    const db = freshDatabase();
    await installPack(
      db,
      makePack({
        entities: [
          { id: 'e1', name: 'Alpha Person', type: 'Person' },
          { id: 'e10', name: 'Beta Person', type: 'Person' },
        ],
        articles: [{ id: 'a', headline: 'Beta Person speaks', datePublished: '2024-01-01', articleBody: 'Beta Person spoke.' }],
      }),
      { source },
    );
    const [alpha, beta] = await getEntityCards(db, ['test-pack/e1', 'test-pack/e10']);
    expect(alpha?.articleCount).toBe(0);
    expect(alpha?.articles).toEqual([]);
    expect(beta?.articleCount).toBe(1);
    expect(beta?.articles[0]?.sentence).toBe('Beta Person spoke.');
  });

  it('counts every article, lists the newest first, and takes related names from the newest ones only', async () => {
    const db = freshDatabase();
    const total = RELATED_FROM_ARTICLES + 10;
    const articles: Pack['articles'] = Array.from({ length: total }, (_, i) => {
      // The oldest ten also name "Old Friend"; the newest all name "New Friend".
      const other = i < 10 ? 'Old Friend' : 'New Friend';
      const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      return { id: `a${i}`, headline: `Report ${i}`, datePublished: day, articleBody: `Main Person met ${other}.` };
    });
    await installPack(
      db,
      makePack({
        entities: [
          { id: 'main', name: 'Main Person', type: 'Person' },
          { id: 'new', name: 'New Friend', type: 'Person' },
          { id: 'old', name: 'Old Friend', type: 'Person' },
        ],
        articles,
      }),
      { source },
    );
    const [card] = await getEntityCards(db, ['test-pack/main']);
    expect(card?.articleCount).toBe(total);
    expect(card?.articles.map((a) => a.headline)).toEqual([`Report ${total - 1}`, `Report ${total - 2}`, `Report ${total - 3}`]);
    expect(card?.related.map((r) => r.name)).toEqual(['New Friend']);
  });
});
