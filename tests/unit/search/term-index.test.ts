import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { installPack } from '../../../lib/kb/install-pack';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { getRevision } from '../../../lib/db/revision';
import { articleDocument, entityDocument } from '../../../lib/search/documents';
import { Tier } from '../../../lib/search/ranking';
import { KnowledgeSearchIndex } from '../../../lib/search/search-index';
import { SegmentBuilder } from '../../../lib/search/term-index/segment';
import { TermIndexDatabase } from '../../../lib/search/term-index/term-database';
import { searchTermIndex as searchReads } from '../../../lib/search/term-index/term-query';
import { TermReads } from '../../../lib/search/term-index/term-reads';
import { TermIndexWriter, writeSegment } from '../../../lib/search/term-index/term-writer';
import { withinOneEdit } from '../../../lib/search/term-index/within-one-edit';
import { freshDatabase, makePack } from '../kb/test-db';
import { ARTICLES, ENTITIES, LIMITS, TYPO_CASES, entity } from './search-cases';

let counter = 0;
const freshTermDatabase = () => new TermIndexDatabase({ name: `terms-${++counter}`, indexedDB: new IDBFactory(), IDBKeyRange });

/** The cases of search-index.test.ts, and a description to find by: the term index must answer them as the in-memory index does. */
const TERM_ENTITIES = [...ENTITIES, entity('tokayev', 'Kassym-Jomart Tokayev', [], 'Person', 'President of Kazakhstan')];
const DOCUMENTS = [...TERM_ENTITIES.map(entityDocument), ...ARTICLES.map(articleDocument)];

async function termIndexOf(documents = DOCUMENTS, perSegment = documents.length): Promise<TermIndexDatabase> {
  const db = freshTermDatabase();
  const segments: string[] = [];
  for (let s = 0; s * perSegment < documents.length; s++) {
    const builder = new SegmentBuilder(`p#${s}`);
    for (const doc of documents.slice(s * perSegment, (s + 1) * perSegment)) builder.add(doc);
    await writeSegment(db, builder);
    segments.push(builder.segment);
  }
  await db.state.put({ key: 'state', format: 2, active: true, revision: 1, packs: { p: { signature: '', segments } } });
  return db;
}

/** Each search with reads of its own: none remembered from an earlier one. */
const searchTermIndex = (db: TermIndexDatabase, query: string, limits: typeof LIMITS) => searchReads(new TermReads(db), query, limits);
const keys = (hits: Array<{ key: string }>) => hits.map((h) => h.key.slice(h.key.indexOf('/') + 1));
const tiers = (hits: Array<{ key: string; tier: number }>) => hits.map((h) => [h.key.slice(2), h.tier]);

describe('the term index', () => {
  it('answers as the in-memory index does: the same results in the same tiers, the same first result', async () => {
    const memory = KnowledgeSearchIndex.empty();
    memory.add(DOCUMENTS);
    // Two segments, as a big pack is stored: results are merged across them.
    const db = await termIndexOf(DOCUMENTS, 5);
    const queries = ['vlad', 'vladimir pu', 'vladimir p', 'erdgan', 'ERDOGAN', 'erdogan', 'sco', 'astana', 'nur sultan', 'surkov', 'eu', 'e', 'as', 'kazakhstan', 'president of kazakhstan', 'zzqx', 'summit', 'leaders', 'grain pri', ...TYPO_CASES.map((c) => c.query)];
    for (const query of queries) {
      const expected = memory.search(query, LIMITS);
      const actual = await searchTermIndex(db, query, LIMITS);
      const sorted = (hits: Array<{ key: string; tier: number }>) => tiers(hits).sort((a, b) => Number(a[1]) - Number(b[1]) || String(a[0]).localeCompare(String(b[0])));
      expect([query, sorted(actual.entities)]).toEqual([query, sorted(expected.entities)]);
      expect([query, sorted(actual.articles)]).toEqual([query, sorted(expected.articles)]);
      expect([query, actual.entities[0]?.key]).toEqual([query, expected.entities[0]?.key]);
      expect([query, actual.articles[0]?.key]).toEqual([query, expected.articles[0]?.key]);
    }
  });

  it('ranks an exact name first, then an exact alias, then partial names; reports the matched words', async () => {
    const db = await termIndexOf();
    expect(tiers((await searchTermIndex(db, 'erdogan', LIMITS)).entities)).toEqual([['erdogan', Tier.exactAlias], ['emine', Tier.name]]);
    expect((await searchTermIndex(db, 'astana', LIMITS)).entities[0]).toMatchObject({ key: 'p/astana', tier: Tier.exactName });
    const articles = (await searchTermIndex(db, 'astana', LIMITS)).articles;
    expect(tiers(articles)).toEqual([['headline', Tier.headline], ['body-only', Tier.text]]);
    expect(articles[1]!.terms).toEqual(['astana']);
    expect((await searchTermIndex(db, 'vlad', { entities: 2, articles: 0 })).entities).toHaveLength(2);
  });

  it('remembers a word it read for a few seconds, and forgets it when told', async () => {
    const db = await termIndexOf();
    let t = 0;
    const reads = new TermReads(db, () => t);
    expect(keys((await searchReads(reads, 'astana', LIMITS)).entities)).toEqual(['astana']);
    await Promise.all([db.words.clear(), db.postings.clear()]);
    expect(keys((await searchReads(reads, 'astana', LIMITS)).entities)).toEqual(['astana']);
    t += 6_000;
    expect((await searchReads(reads, 'astana', LIMITS)).entities).toEqual([]);
    const builder = new SegmentBuilder('p#0');
    for (const doc of DOCUMENTS) builder.add(doc);
    await writeSegment(db, builder);
    reads.clear();
    expect(keys((await searchReads(reads, 'astana', LIMITS)).entities)).toEqual(['astana']);
  });

  it('forgives a typo in the first half of a word, and two neighbouring letters swapped, as the in-memory index does', async () => {
    const db = await termIndexOf(DOCUMENTS, 5);
    for (const { query, first } of TYPO_CASES) expect([query, (await searchTermIndex(db, query, LIMITS)).entities[0]?.key.slice(2)]).toEqual([query, first]);
  });

  it('allows one edit, a swap of neighbours counting as one, no more', () => {
    expect(withinOneEdit('erdogan', 'erdgan')).toBe(true);
    expect(withinOneEdit('erdogan', 'erdoganx')).toBe(true);
    expect(withinOneEdit('erdogan', 'ardogan')).toBe(true);
    expect(withinOneEdit('erdogan', 'edrogan')).toBe(true);
    expect(withinOneEdit('putin', 'putni')).toBe(true);
    expect(withinOneEdit('erdogan', 'edrgoan')).toBe(false);
    expect(withinOneEdit('erdogan', 'erdo')).toBe(false);
    expect(withinOneEdit('abc', 'cba')).toBe(false);
  });

  it('finds a typo in the first half among the words sharing the end, also in a library too big for one read', async () => {
    // Words beginning "erdo" are more than one read takes: the end ("an") still finds the word.
    const crowd = Array.from({ length: 2_100 }, (_, i) => entity(`c${i}`, `Erdo${i.toString(36)}x Crowd`));
    const db = await termIndexOf([...TERM_ENTITIES, ...crowd].map(entityDocument));
    expect((await searchTermIndex(db, 'ardogan', LIMITS)).entities[0]?.key).toBe('p/erdogan');
    expect((await searchTermIndex(db, 'erdgoan', LIMITS)).entities[0]?.key).toBe('p/erdogan');
  });
});

describe('TermIndexWriter', () => {
  const source = { kind: 'file' } as const;

  it('indexes the library, then only the packs that change, and drops a removed pack', async () => {
    const library = freshDatabase();
    const terms = freshTermDatabase();
    const writer = new TermIndexWriter(library, terms);
    await installPack(library, makePack(), { source });
    expect(await writer.refresh(await getRevision(library))).toMatchObject({ added: ['test-pack'], removed: [] });
    expect((await terms.state.get('state'))?.revision).toBe(await getRevision(library));
    expect(keys((await searchTermIndex(terms, 'lovel', LIMITS)).entities)).toEqual(['ada']);

    await installPack(library, makePack({ id: 'other', entities: [{ id: 'babbage', name: 'Charles Babbage', type: 'Person' }], articles: [] }), { source });
    expect(await writer.refresh(await getRevision(library))).toMatchObject({ added: ['other'], removed: [] });
    expect(keys((await searchTermIndex(terms, 'babbage', LIMITS)).entities)).toEqual(['babbage']);

    await saveEntityEdit(library, 'test-pack/ada', { alternateName: ['Enchantress of Numbers'] }, 1);
    expect(await writer.refresh(await getRevision(library))).toMatchObject({ added: ['test-pack'], removed: ['test-pack'] });
    expect(keys((await searchTermIndex(terms, 'enchantress', LIMITS)).entities)).toEqual(['ada']);

    await removePackWithUndo(library, 'other');
    expect(await writer.refresh(await getRevision(library))).toMatchObject({ added: [], removed: ['other'] });
    expect((await searchTermIndex(terms, 'babbage', LIMITS)).entities).toEqual([]);
    for (const table of [terms.words, terms.postings, terms.suffixes, terms.docs]) {
      expect(await table.where(':id').between(['other#0', Dexie.minKey], ['other#0', Dexie.maxKey]).count()).toBe(0);
    }
  });

  it('writes the smallest packs first, so the names a user had come back before a big pack is done', async () => {
    const library = freshDatabase();
    const terms = freshTermDatabase();
    const writer = new TermIndexWriter(library, terms);
    const entities = Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, name: `Person ${i} Example`, type: 'Person' as const }));
    // "a-big" sorts before "test-pack" by id: size, not id, decides.
    await installPack(library, makePack({ id: 'a-big', entities, articles: [] }), { source });
    await installPack(library, makePack(), { source });
    expect((await writer.refresh(await getRevision(library))).added).toEqual(['test-pack', 'a-big']);
  });

  it('hands the thread back while it writes a big pack', async () => {
    const library = freshDatabase();
    const terms = freshTermDatabase();
    let t = 0;
    let handedBack = 0;
    // A clock that moves 10 ms per reading: every third check hands the thread back.
    const revisions: Array<number | undefined> = [];
    const writer = new TermIndexWriter(library, terms, {
      now: () => (t += 10),
      yieldNow: async () => {
        handedBack++;
        revisions.push((await terms.state.get('state'))?.revision);
      },
    });
    const entities = Array.from({ length: 3_000 }, (_, i) => ({ id: `e${i}`, name: `Person ${i} Example`, type: 'Person' as const }));
    await installPack(library, makePack({ id: 'big', entities, articles: [] }), { source });
    await writer.refresh(await getRevision(library));
    expect(handedBack).toBeGreaterThan(1);
    // Until every pack is written, the index says it is of no revision yet: readers know it is not complete.
    expect(revisions.slice(0, -1).every((r) => r === -1)).toBe(true);
    expect((await terms.state.get('state'))?.revision).toBe(await getRevision(library));
    // One typo is forgiven, as in the in-memory index: "2990" is found too, below.
    expect(keys((await searchTermIndex(terms, 'person 2999', LIMITS)).entities)[0]).toBe('e2999');
  });
});
