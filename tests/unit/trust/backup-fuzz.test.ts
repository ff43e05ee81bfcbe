import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup, runRestore, type Backup } from '../../../lib/kb/backup';
import { installPack } from '../../../lib/kb/install-pack';
import { saveUserArticle } from '../../../lib/kb/my-articles';
import { exportAll, freshDatabase, makePack } from '../kb/test-db';
import { mutate, mutation } from './pack-mutations';

/**
 * A restore is an import: under hostile input runRestore never throws, every outcome is a
 * whole restore or a clear refusal, a refused backup leaves every table as it was, and
 * nothing in a backup reaches Object.prototype. Fuzzed as the pack importer is.
 */

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const ownNames = (o: object) => Object.getOwnPropertyNames(o).toSorted().join(',');
const prototypes = () => [ownNames(Object.prototype), ownNames(Array.prototype)].join('|');

async function sourceLibrary(): Promise<Backup> {
  const db = freshDatabase();
  await installPack(db, makePack(), { source: { kind: 'url', url: 'https://example.org/p.json' }, now: 10 });
  await saveUserArticle(db, { article: { headline: 'My note on Ada Lovelace', articleBody: 'Ada Lovelace again.' }, now: 30 });
  await db.entityEdits.put({ key: 'test-pack/ada', alternateName: ['Countess of Lovelace'], description: 'Edited.', hidden: true, updatedAt: 40 });
  const backup = JSON.parse(JSON.stringify(await createBackup(db, { settings: { hoverDelayMs: 500 }, now: 50 }))) as Backup;
  db.close();
  return backup;
}

/** Restores `data` over a library holding one pack; checks the library is whole either way. */
async function restore(data: unknown): Promise<'restored' | 'refused'> {
  const db = freshDatabase();
  await installPack(db, makePack({ id: 'kept' }), { source: { kind: 'file' }, now: 1 });
  const before = await exportAll(db);
  const outcome = await runRestore(db, bytesOf(data), 'backup.json');
  if (!outcome.ok) {
    expect(outcome.summary).toMatch(/Your library is unchanged\.$/u);
    for (const issue of outcome.issues) expect(issue.message).toMatch(/\S/u);
    expect(await exportAll(db)).toEqual(before);
  } else {
    expect(await db.packs.get('kept')).toBeUndefined();
  }
  db.close();
  return outcome.ok ? 'restored' : 'refused';
}

describe('restore under hostile backups', () => {
  it('mutated backups: a whole restore or a clear refusal, never a throw, never a partial write', async () => {
    const seed = await sourceLibrary();
    const before = prototypes();
    const outcomes = { restored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        outcomes[await restore(mutate(structuredClone(seed), mutations))]++;
        expect(prototypes()).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150 },
    );
    expect(outcomes.restored).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  }, 120_000);

  it('refuses unknown fields, unchecked addresses, deep values and stray mention rows, naming each', async () => {
    const seed = await sourceLibrary();
    const hostile = structuredClone(seed) as unknown as Record<string, any>;
    hostile.extra = 1;
    hostile.packs[0].state.source = { kind: 'url', url: 'javascript:alert(1)' };
    hostile.packs[0].state.injected = true;
    hostile.packs[0].mentions = [{ entityKey: 'a', articleKey: 'b', packId: 'test-pack', date: '', sentence: 's', role: 'about' }];
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = [deep];
    hostile.entityEdits[0].alternateName = [deep];
    hostile.entityEdits[0]['__proto__x'] = 'y';
    const db = freshDatabase();
    const outcome = await runRestore(db, bytesOf(hostile), 'hostile.json');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues.map((i) => i.path)).toEqual([expect.stringMatching(/^entityEdits\[0\]\.alternateName\[0\]/u), 'packs[0].mentions']);

    // Without the deep value, every other problem is named at its path.
    hostile.entityEdits[0].alternateName = ['fine'];
    const rest = await runRestore(db, bytesOf(hostile), 'hostile.json');
    expect(!rest.ok && rest.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'packs[0].state.source.url: not an http or https URL',
      'packs[0].state.injected: unknown field: a backup holds only the fields Backstory writes',
      'entityEdits[0].__proto__x: unknown field: a backup holds only the fields Backstory writes',
      'extra: unknown field: a backup holds only the fields Backstory writes',
      'packs[0].mentions: mention rows belong only to a pack of the user’s own or of a followed feed, and only its own',
    ]);
    expect(await db.packs.count()).toBe(0);
  });
});
