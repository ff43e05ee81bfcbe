/**
 * Every database version Backstory has shipped, frozen: its stores exactly as declared
 * and a library as that version wrote it. The upgrade harness (migrations.test.ts) opens
 * each one with today's code and checks nothing was lost.
 *
 * Adding version N: append an entry with N's `stores` (as passed to `this.version(N)`)
 * and a library written by N (run N's code once, export every table, save the JSON
 * under tests/fixtures/db/). Never edit a shipped entry: users' browsers hold those
 * databases.
 */
import { readFileSync } from 'node:fs';

export interface ShippedVersion {
  version: number;
  /** The full schema of that version (Dexie store strings; null for a deleted table). */
  stores: Record<string, string | null>;
  /** Every row of every table, as that version wrote a small two-pack library. */
  library: Record<string, unknown[]>;
}

function library(path: string): Record<string, unknown[]> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown[]>;
}

export const SHIPPED_VERSIONS: readonly ShippedVersion[] = [
  {
    version: 1,
    stores: {
      packs: 'id',
      entities: 'key, packId, *sameAs',
      articles: 'key, packId',
      mentions: '[entityKey+articleKey], [entityKey+date], packId, articleKey',
      meta: 'key',
    },
    library: library('tests/fixtures/db/v1-library.json'),
  },
  {
    version: 2,
    stores: {
      packs: 'id',
      entities: 'key, packId, *sameAs, nameFold',
      articles: 'key, packId, sortDate',
      mentions: '[entityKey+articleKey], [entityKey+date], packId, articleKey',
      meta: 'key',
      entityEdits: 'key',
    },
    library: library('tests/fixtures/db/v2-library.json'),
  },
  {
    // Shipped with v3 (mentions moved into articles, `original` copies shrunk to `extra`),
    // whose only change v4 completes by deleting the emptied mentions table.
    version: 4,
    stores: {
      packs: 'id',
      entities: 'key, nameFold',
      articles: 'key, sortDate, *mentionIndex, urlKey',
      mentions: null,
      meta: 'key',
      entityEdits: 'key',
    },
    library: library('tests/fixtures/db/v4-library.json'),
  },
  {
    // Data only: `nameFold` refolded by the shared rules. v5 writes the same rows as v4.
    version: 5,
    stores: {
      packs: 'id',
      entities: 'key, nameFold',
      articles: 'key, sortDate, *mentionIndex, urlKey',
      mentions: null,
      meta: 'key',
      entityEdits: 'key',
    },
    library: library('tests/fixtures/db/v4-library.json'),
  },
];

/**
 * What every shipped library holds, whatever its version: checked through public lib/kb
 * functions so that the check stays true as row shapes change.
 */
export const LIBRARY_FACTS = {
  packs: [
    { id: 'second-pack', enabled: false },
    { id: 'test-pack', enabled: true },
  ],
  entityKeys: ['second-pack/ada', 'second-pack/london', 'second-pack/royal-society', 'test-pack/ada', 'test-pack/london', 'test-pack/royal-society'],
  articleKeys: ['second-pack/new', 'second-pack/old', 'second-pack/undated', 'test-pack/new', 'test-pack/old', 'test-pack/undated'],
  /** Ada's card: newest first, with the sentence where each article names her. */
  adaArticles: [
    { headline: 'A talk at the Royal Society', sentence: 'Ada Lovelace was discussed at length by the Royal Society.' },
    { headline: 'Notes on the engine', sentence: 'Lovelace added long notes of her own.' },
    { headline: 'Letters', sentence: 'Some letters mention Ada Lovelace and London.' },
  ],
};
