import { describe, expect, it } from 'vitest';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { installPack } from '../../../lib/kb/install-pack';
import type { Pack } from '../../../lib/pack/schema';
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

const ADA_URI = 'https://www.wikidata.org/wiki/Q7259';

/** A second pack describing Ada Lovelace (same Wikidata URI in both) and London (no sameAs). */
function otherPack(): Pack {
  const pack = makePack({
    id: 'other-pack',
    entities: [
      { id: 'lovelace', name: 'Ada Lovelace', type: 'Person', sameAs: [ADA_URI] },
      { id: 'london', name: 'London', type: 'Place' },
    ],
    articles: [{ id: 'letter', headline: 'A letter from Ada Lovelace', datePublished: '1845-05-01', about: ['lovelace', 'london'] }],
  });
  return { ...pack, pack: { ...pack.pack, name: 'Other pack' } };
}

async function twoPacks() {
  const db = freshDatabase();
  const first = makePack();
  first.entities[0] = { ...first.entities[0]!, sameAs: [ADA_URI] };
  await installPack(db, first, { source: { kind: 'builtin' } });
  await installPack(db, otherPack(), { source: { kind: 'builtin' } });
  return db;
}

describe('the same entity from two packs', () => {
  it('is one card with the articles of both packs, newest first, and both pack names', async () => {
    const db = await twoPacks();
    const cards = await getEntityCards(db, ['test-pack/ada', 'other-pack/lovelace'], { articleLimit: 5 });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ key: 'test-pack/ada', sameKeys: ['other-pack/lovelace'], packName: 'Test pack, Other pack', articleCount: 4 });
    expect(cards[0]!.articles.map((a) => a.key)).toEqual(['test-pack/new', 'other-pack/letter', 'test-pack/old', 'test-pack/undated']);
    expect(cards[0]!.related.map((r) => r.key)).not.toContain('other-pack/lovelace');
  });

  it('is one card whichever pack comes first', async () => {
    const db = await twoPacks();
    const [card] = await getEntityCards(db, ['other-pack/lovelace', 'test-pack/ada']);
    expect(card).toMatchObject({ key: 'other-pack/lovelace', sameKeys: ['test-pack/ada'], packName: 'Other pack, Test pack', articleCount: 4 });
  });

  it('keeps entities that only share a name apart', async () => {
    const db = await twoPacks();
    const cards = await getEntityCards(db, ['test-pack/london', 'other-pack/london']);
    expect(cards.map((c) => c.packName)).toEqual(['Test pack', 'Other pack']);
  });
});

function wikidataPack(): Pack {
  return makePack({
    id: 'wikidata-leaders',
    entities: [
      {
        id: 'Q264766',
        name: 'Theresa May',
        type: 'Person',
        description: 'Prime Minister of the United Kingdom from 2016 to 2019',
        sameAs: ['https://www.wikidata.org/wiki/Q264766', 'https://en.wikipedia.org/wiki/Theresa_May', 'javascript:alert(1)'],
        birthDate: '1956-10-01',
        image: 'http://commons.wikimedia.org/wiki/Special:FilePath/Theresa%20May.jpg',
        popularity: 120,
        related: ['Q145'],
      },
      { id: 'Q145', name: 'United Kingdom', type: 'Place', foundingDate: '1707', popularity: 300 },
      { id: 'Q1', name: 'May Day', type: 'Event', startDate: '1914', endDate: '1918' },
    ] as Pack['entities'],
    articles: [],
  });
}

describe('a card of a name from Wikidata', () => {

  it('has the dates, http(s) links to Wikidata, Wikipedia and the picture, popularity and what it belongs to', async () => {
    const db = freshDatabase();
    await installPack(db, wikidataPack(), { source: { kind: 'wikidata' } });
    const [may, event] = await getEntityCards(db, ['wikidata-leaders/Q264766', 'wikidata-leaders/Q1']);
    expect(may).toMatchObject({
      dates: 'born 1956',
      popularity: 120,
      belongsTo: ['wikidata-leaders/Q145'],
      links: [
        { label: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q264766' },
        { label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Theresa_May' },
        { label: 'Picture', url: 'http://commons.wikimedia.org/wiki/Special:FilePath/Theresa%20May.jpg' },
      ],
    });
    expect(event).toMatchObject({ dates: '1914–1918' });
    const [country] = await getEntityCards(db, ['wikidata-leaders/Q145']);
    expect(country).toMatchObject({ dates: 'founded 1707' });
    expect(country!.links).toBeUndefined();
  });

  it('lists the candidates of a shared name best known first', async () => {
    const db = freshDatabase();
    await installPack(db, wikidataPack(), { source: { kind: 'wikidata' } });
    const cards = await getEntityCards(db, ['wikidata-leaders/Q1', 'wikidata-leaders/Q264766', 'wikidata-leaders/Q145']);
    expect(cards.map((c) => c.name)).toEqual(['United Kingdom', 'Theresa May', 'May Day']);
  });
});
