import { describe, expect, it, vi } from 'vitest';
import { enabledPatterns } from '../../../lib/kb/enabled-patterns';
import { installPack, setPackEnabled } from '../../../lib/kb/install-pack';
import { removePackWithUndo } from '../../../lib/kb/pack-undo';
import { purgeRemovedPack } from '../../../lib/kb/removed-packs';
import { getRevision } from '../../../lib/db/revision';
import { rowsOfPack } from '../../../lib/kb/keys';
import { allMentions, exportAll, freshDatabase, makePack, mentionOf, mentionsOfArticle } from './test-db';

const source = { kind: 'file' } as const;

describe('installPack', () => {
  it('writes the pack, its entities, and its articles with one mention per (entity, article)', async () => {
    const db = freshDatabase();
    const result = await installPack(db, makePack(), { source, now: 1 });
    expect(result).toEqual({ status: 'installed', packId: 'test-pack', entities: 3, articles: 3 });
    expect(await db.packs.get('test-pack')).toMatchObject({ entityCount: 3, articleCount: 3, enabled: true, installedAt: 1 });
    const mentions = await mentionsOfArticle(db, 'test-pack/new');
    expect(mentions.map((m) => m.entityKey).sort()).toEqual(['test-pack/ada', 'test-pack/royal-society']);
    expect(await getRevision(db)).toBe(1);
  });

  it('keeps the sentence where each article names the entity, found through aliases too', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const old = await mentionOf(db, 'test-pack/ada', 'test-pack/old');
    expect(old).toMatchObject({ sentence: 'Lovelace added long notes of her own.', role: 'about', date: '1843-09-01' });
    const talk = await mentionOf(db, 'test-pack/ada', 'test-pack/new');
    expect(talk?.sentence).toBe('Ada Lovelace was discussed at length by the Royal Society.');
  });

  it('takes declared mentions as given, and finds them by matching when `mentions` is absent', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    // "old" declares no mentions: London is found in its body.
    expect(await mentionOf(db, 'test-pack/london', 'test-pack/old')).toBeDefined();
    // "new" declares its mentions: nothing else is added, even if named.
    expect(await mentionOf(db, 'test-pack/london', 'test-pack/new')).toBeUndefined();
    expect((await mentionsOfArticle(db, 'test-pack/undated')).length).toBe(2);
  });

  it('says "already installed" for the same or a lower version and changes nothing', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ version: '1.2.0' }), { source });
    const before = await exportAll(db);
    expect(await installPack(db, makePack({ version: '1.2.0' }), { source })).toMatchObject({ status: 'already-installed', installedVersion: '1.2.0' });
    expect(await installPack(db, makePack({ version: '1.1.9' }), { source })).toMatchObject({ status: 'already-installed' });
    expect(await exportAll(db)).toEqual(before);
  });

  it('replaces an older version whole: dropped entities and articles are gone, enabled state kept', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source, now: 1 });
    await setPackEnabled(db, 'test-pack', false);
    const v2 = makePack({
      version: '2.0.0',
      entities: [{ id: 'ada', name: 'Ada Lovelace', type: 'Person' }],
      articles: [{ id: 'only', headline: 'Ada Lovelace remembered', datePublished: '1900-01-01', articleBody: 'Ada Lovelace.' }],
    });
    expect(await installPack(db, v2, { source, now: 2 })).toMatchObject({ status: 'updated', previousVersion: '1.0.0' });
    expect(await db.entities.count()).toBe(1);
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['test-pack/only']);
    expect(await allMentions(db)).toHaveLength(1);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '2.0.0', enabled: false, installedAt: 1, updatedAt: 2 });
  });

  it('replaces the same version when asked to', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    expect(await installPack(db, makePack(), { source, replace: true })).toMatchObject({ status: 'updated' });
  });

  it('leaves the knowledge base exactly as it was when a write fails midway (a full disk)', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ id: 'first' }), { source });
    const before = await exportAll(db);
    const spy = vi.spyOn(db.articles, 'bulkAdd').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'));
    await expect(installPack(db, makePack({ id: 'second' }), { source })).rejects.toThrow();
    spy.mockRestore();
    expect(await exportAll(db)).toEqual(before);
  });

  it('leaves the old version in place when its update fails midway', async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    const before = await exportAll(db);
    const spy = vi.spyOn(db.articles, 'bulkAdd').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'));
    await expect(installPack(db, makePack({ version: '3.0.0' }), { source })).rejects.toThrow();
    spy.mockRestore();
    expect(await exportAll(db)).toEqual(before);
  });
});

describe('removePackWithUndo and setPackEnabled', () => {
  it('removes a pack and everything it brought', async () => {
    const db = freshDatabase();
    await installPack(db, makePack({ id: 'keep' }), { source });
    await installPack(db, makePack({ id: 'drop' }), { source });
    expect(await removePackWithUndo(db, 'drop')).toBeDefined();
    expect(await removePackWithUndo(db, 'drop')).toBeUndefined();
    expect(await db.packs.get('drop')).toBeUndefined();
    expect(await purgeRemovedPack(db, 'drop')).toBe(true);
    expect(await rowsOfPack(db.entities, 'drop').count()).toBe(0);
    expect(await rowsOfPack(db.articles, 'drop').count()).toBe(0);
    expect(await rowsOfPack(db.entities, 'keep').count()).toBe(3);
    expect(await rowsOfPack(db.articles, 'keep').count()).toBe(3);
    expect(await db.packs.toCollection().primaryKeys()).toEqual(['keep']);
  });

  it("stops a disabled pack's names from being matched", async () => {
    const db = freshDatabase();
    await installPack(db, makePack(), { source });
    expect((await enabledPatterns(db)).map((p) => p.text)).toContain('Lovelace');
    const revision = await getRevision(db);
    await setPackEnabled(db, 'test-pack', false);
    expect(await enabledPatterns(db)).toEqual([]);
    expect(await getRevision(db)).toBe(revision + 1);
  });
});
