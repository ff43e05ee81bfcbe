import { gzipSync } from 'node:zlib';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { rowsOfPack } from '../../../lib/kb/keys';
import { readPackBytes, type PackReadErrorCode } from '../../../lib/pack/read';
import { validatePack } from '../../../lib/pack/validate';
import { exportAll, freshDatabase, makePack, mentionsOfArticle } from '../kb/test-db';
import { byteDamage, mutate, mutation, validPackTexts, type ByteDamage } from './pack-mutations';

/**
 * The importer's promise under hostile input: readPackBytes and validatePack never throw,
 * every outcome is a clean import or a clear error, a rejected pack leaves the database
 * exactly as it was, and nothing in a pack reaches Object.prototype.
 */

const READ_CODES: readonly PackReadErrorCode[] = ['too-large', 'bad-gzip', 'bad-json', 'bad-encoding'];
const SEED = makePack({ id: 'seed-pack' });
const source = { kind: 'file' } as const;

function serialise(data: unknown, damage: ByteDamage): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  switch (damage.kind) {
    case 'none':
      return bytes;
    case 'truncate':
      return bytes.subarray(0, damage.at % (bytes.length + 1));
    case 'flip': {
      const copy = bytes.slice();
      if (copy.length > 0) copy[damage.at % copy.length] = damage.byte;
      return copy;
    }
    case 'gzip':
      return gzipSync(bytes);
    case 'gzip-truncated': {
      const gz = gzipSync(bytes);
      return gz.subarray(0, Math.max(2, gz.length - 9));
    }
  }
}

const ownNames = (o: object) => Object.getOwnPropertyNames(o).toSorted().join(',');

function prototypeSnapshot(): string {
  const own = ownNames;
  return [own(Object.prototype), own(Array.prototype), own(String.prototype), own(Function.prototype)].join('|');
}

/** Runs one file through the import pipeline the options page uses; returns what a user would be told. */
async function importBytes(bytes: Uint8Array): Promise<{ outcome: 'installed' | 'rejected'; message: string }> {
  const db = freshDatabase();
  await installPack(db, SEED, { source, now: 1 });
  const before = await exportAll(db);

  const read = await readPackBytes(bytes);
  if (!read.ok) {
    expect(READ_CODES).toContain(read.code);
    expect(read.message).toMatch(/^The pack /u);
    expect(await exportAll(db)).toEqual(before);
    db.close();
    return { outcome: 'rejected', message: read.message };
  }
  const validation = validatePack(read.data);
  if (!validation.ok) {
    expect(validation.issues.length).toBeGreaterThan(0);
    expect(validation.issues.length).toBeLessThanOrEqual(50);
    expect(validation.total).toBeGreaterThanOrEqual(validation.issues.length);
    for (const issue of validation.issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.message).toMatch(/\S/u);
    }
    expect(await exportAll(db)).toEqual(before);
    db.close();
    return { outcome: 'rejected', message: validation.issues[0]!.message };
  }

  const pack = validation.pack;
  const result = await installPack(db, pack, { source, now: 2 });
  expect(result.status).toBe(pack.pack.id === SEED.pack.id ? 'updated' : 'installed');
  const after = await exportAll(db);
  expect(await rowsOfPack(db.entities, pack.pack.id).count()).toBe(pack.entities.length);
  expect(await rowsOfPack(db.articles, pack.pack.id).count()).toBe(pack.articles.length);
  if (pack.pack.id !== SEED.pack.id) {
    // The seeded pack's rows are untouched by an unrelated import.
    for (const table of ['entities', 'articles'] as const) {
      const seeded = (rows: unknown[]) => rows.filter((r) => (r as { packId: string }).packId === SEED.pack.id);
      expect(seeded(after[table]!)).toEqual(seeded(before[table]!));
    }
  }
  db.close();
  return { outcome: 'installed', message: result.status };
}

describe('pack importer under random and mutated input', () => {
  it('mutated fixture packs: a clean import or a clear error, never a throw, never a partial write', async () => {
    const prototypes = prototypeSnapshot();
    const outcomes = { installed: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...validPackTexts),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        byteDamage,
        async (text, mutations, damage) => {
          const data = mutate(JSON.parse(text), mutations);
          const { outcome } = await importBytes(serialise(data, damage));
          outcomes[outcome]++;
          expect(prototypeSnapshot()).toBe(prototypes);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 250 },
    );
    // Both paths must really have been exercised, or the property proves little.
    expect(outcomes.installed).toBeGreaterThan(10);
    expect(outcomes.rejected).toBeGreaterThan(10);
  }, 120_000);

  it('random JSON and random bytes are refused with a clear error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v) ?? 'null')),
          fc.uint8Array({ maxLength: 2_000 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x1f, 0x8b, ...b])),
        ),
        async (bytes) => {
          const { outcome, message } = await importBytes(bytes);
          expect(outcome).toBe('rejected');
          expect(message.length).toBeGreaterThan(3);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('prototype-pollution keys everywhere are data, never properties of Object.prototype', async () => {
    const prototypes = prototypeSnapshot();
    const hostile = JSON.parse(`{
      "format": "article-pack", "formatVersion": 1,
      "__proto__": { "polluted": 1 }, "constructor": { "prototype": { "polluted": 1 } },
      "pack": { "id": "proto-pack", "name": "__proto__", "version": "1.0.0", "__proto__": { "polluted": 1 } },
      "entities": [
        { "id": "__proto__", "name": "constructor", "alternateName": ["__proto__", "prototype", "hasOwnProperty"],
          "__proto__": { "polluted": 1 }, "match": { "__proto__": { "polluted": 1 }, "exclude": ["toString"] } },
        { "id": "constructor", "name": "toString" }
      ],
      "articles": [
        { "id": "__proto__", "headline": "constructor meets toString",
          "articleBody": "The constructor spoke. __proto__ listened. hasOwnProperty and prototype agreed with toString.",
          "about": ["__proto__"], "__proto__": { "polluted": 1 } }
      ]
    }`);
    const { outcome } = await importBytes(new TextEncoder().encode(JSON.stringify(hostile)));
    expect(outcome).toBe('installed');
    expect(prototypeSnapshot()).toBe(prototypes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // And the names themselves are found: ids that are prototype keys are ordinary keys.
    const db = freshDatabase();
    const validation = validatePack(hostile);
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    await installPack(db, validation.pack, { source });
    const mentions = await mentionsOfArticle(db, 'proto-pack/__proto__');
    expect(mentions.map((m) => m.entityKey).toSorted()).toEqual(['proto-pack/__proto__', 'proto-pack/constructor']);
    db.close();
  });
});
