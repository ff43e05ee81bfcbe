import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openBeforeUpgrade } from '../../../lib/db/before-upgrade';
import { BackstoryDatabase, type DatabaseOptions } from '../../../lib/db/database';
import { createBackup } from '../../../lib/kb/backup';
import { installPack } from '../../../lib/kb/install-pack';
import { makePack } from '../kb/test-db';

/** Today's schema plus one more version: what the next Backstory will open the library with. */
class NextDatabase extends BackstoryDatabase {
  constructor(options: DatabaseOptions) {
    super(options);
    this.version(this.verno + 1).stores({});
  }
}

describe('openBeforeUpgrade', () => {
  it('opens a library a newer schema is about to upgrade, as it is, and a backup reads it', async () => {
    const options = { name: 'before-upgrade', indexedDB: new IDBFactory(), IDBKeyRange };
    const today = new BackstoryDatabase(options);
    await installPack(today, makePack(), { source: { kind: 'file' } });
    const storedVersion = today.verno;
    today.close();

    const next = new NextDatabase(options);
    const old = await openBeforeUpgrade(next, options);
    expect(old).toBeDefined();
    expect(old!.verno).toBe(storedVersion);
    const backup = await createBackup(old!, { settings: {} });
    expect(backup.packs.map((p) => p.pack.articles.length)).toEqual([3]);
    old!.close();
    // The upgrade itself is untouched, and runs when the new schema opens.
    await next.open();
    expect(next.verno).toBe(storedVersion + 1);
    expect(await next.articles.count()).toBe(3);
  });

  it('is undefined with no upgrade pending: the same schema, or no library yet', async () => {
    const options = { name: 'same', indexedDB: new IDBFactory(), IDBKeyRange };
    expect(await openBeforeUpgrade(new BackstoryDatabase(options), options)).toBeUndefined();
    const today = new BackstoryDatabase(options);
    await today.open();
    today.close();
    expect(await openBeforeUpgrade(new BackstoryDatabase(options), options)).toBeUndefined();
  });
});
