import { describe, expect, it } from 'vitest';
import { articleDocument, entityDocument } from '../../../lib/search/documents';
import { Tier } from '../../../lib/search/ranking';
import { KnowledgeSearchIndex } from '../../../lib/search/search-index';
import { ARTICLES, ENTITIES, LIMITS, TYPO_CASES, entity } from './search-cases';

function buildIndex(): KnowledgeSearchIndex {
  const index = KnowledgeSearchIndex.empty();
  index.add(ENTITIES.map(entityDocument));
  index.add(ARTICLES.map(articleDocument));
  return index;
}

const keys = (hits: Array<{ key: string }>) => hits.map((h) => h.key.slice(2));

describe('KnowledgeSearchIndex', () => {
  const index = buildIndex();

  it('finds names by prefix as they are typed', () => {
    expect(keys(index.search('vlad', LIMITS).entities)).toEqual(expect.arrayContaining(['putin', 'surkov', 'vladivostok']));
    expect(keys(index.search('vladimir pu', LIMITS).entities)).toEqual(['putin']);
  });

  it('finds an entity by its description, below every entity found by a name or an alias', () => {
    const withDescriptions = KnowledgeSearchIndex.empty();
    withDescriptions.add([
      { ...entity('tokayev', 'Kassym-Jomart Tokayev'), description: 'President of Kazakhstan since 2019' },
      { ...entity('kazakhstan-tour', 'Kazakhstan Tour', [], 'Event'), description: 'Cycling race' },
      entity('kazakhstan', 'Kazakhstan', [], 'Place'),
    ].map(entityDocument));
    const hits = withDescriptions.search('president of kazakhstan', LIMITS).entities;
    expect(hits.map((h) => [h.key, h.tier])).toEqual([['p/tokayev', Tier.description]]);
    const byWord = withDescriptions.search('kazakhstan', LIMITS).entities;
    expect(byWord.map((h) => h.key)).toEqual(['p/kazakhstan', 'p/kazakhstan-tour', 'p/tokayev']);
    expect(byWord.at(-1)!.tier).toBe(Tier.description);
  });

  it('keeps results while a new word is only begun', () => {
    expect(keys(index.search('vladimir p', LIMITS).entities)).toEqual(['putin']);
  });

  it('forgives a typo and ignores case and diacritics', () => {
    expect(keys(index.search('erdgan', LIMITS).entities)).toEqual(expect.arrayContaining(['erdogan', 'emine']));
    expect(keys(index.search('ERDOGAN', LIMITS).entities)[0]).toBe('erdogan');
  });

  it('forgives a typo in the first half of a word, and two neighbouring letters swapped', () => {
    for (const { query, first } of TYPO_CASES) expect([query, keys(index.search(query, LIMITS).entities)[0]]).toEqual([query, first]);
  });

  it('ranks an exact name first, then an exact alias, then partial names, then aliases', () => {
    const erdogan = index.search('erdogan', LIMITS).entities;
    // "Erdoğan" is an exact alias of Recep Tayyip Erdoğan; Emine Erdoğan only contains the word.
    expect(keys(erdogan)).toEqual(['erdogan', 'emine']);
    expect(erdogan.map((h) => h.tier)).toEqual([Tier.exactAlias, Tier.name]);
    const sco = index.search('sco', LIMITS).entities;
    expect(keys(sco).slice(0, 2)).toEqual(['sco', 'sco-street']);
    expect(sco[0]!.tier).toBe(Tier.exactAlias);
    expect(index.search('astana', LIMITS).entities[0]).toMatchObject({ key: 'p/astana', tier: Tier.exactName });
    expect(index.search('nur sultan', LIMITS).entities[0]).toMatchObject({ key: 'p/astana', tier: Tier.exactAlias });
    expect(index.search('surkov', LIMITS).entities[0]!.tier).toBe(Tier.exactAlias);
  });

  it('matches short words exactly rather than as prefixes', () => {
    expect(keys(index.search('eu', LIMITS).entities)).toEqual(['eu']);
    expect(index.search('e', LIMITS).entities).toEqual([]);
  });

  it('ranks headline matches above matches in the text, and reports the matched words', () => {
    const articles = index.search('astana', LIMITS).articles;
    expect(keys(articles)).toEqual(['headline', 'body-only']);
    expect(articles.map((a) => a.tier)).toEqual([Tier.headline, Tier.text]);
    expect(articles[1]!.terms).toEqual(['astana']);
  });

  it('leaves article text alone for queries too short to mean much', () => {
    expect(index.search('as', LIMITS).articles).toEqual([]);
  });

  it('respects limits', () => {
    expect(index.search('vlad', { entities: 2, articles: 0 }).entities).toHaveLength(2);
  });

  it('finds nothing for nothing', () => {
    expect(index.search('  ', LIMITS)).toEqual({ entities: [], articles: [] });
    expect(index.search('zzqx', LIMITS)).toEqual({ entities: [], articles: [] });
  });

  it('discards documents and replaces changed ones', () => {
    const local = buildIndex();
    local.discard(['e:p/putin', 'a:p/headline', 'e:p/unknown']);
    expect(keys(local.search('putin', LIMITS).entities)).toEqual([]);
    expect(keys(local.search('astana', LIMITS).articles)).toEqual(['body-only']);
    local.add([entityDocument(entity('surkov', 'Vladislav Y. Surkov'))]);
    expect(local.documentCount).toBe(ENTITIES.length - 1 + ARTICLES.length - 1);
    expect(local.search('surkov', LIMITS).entities[0]!.tier).toBe(Tier.name);
  });

  it('answers the same after a round trip through its stored form', async () => {
    const stored = JSON.parse(JSON.stringify(index.toStored()));
    const loaded = KnowledgeSearchIndex.fromStored(stored);
    await loaded.loadText();
    for (const q of ['vlad', 'erdgan', 'astana', 'sco', 'vladimir p']) {
      expect(loaded.search(q, LIMITS)).toEqual(index.search(q, LIMITS));
    }
  });

  it('refuses a stored form of another format', () => {
    expect(() => KnowledgeSearchIndex.fromStored({ ...index.toStored(), format: 0 })).toThrow(/format/u);
  });
});
