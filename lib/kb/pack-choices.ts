/**
 * The user's choices for one pack, kept beside its rows in `meta`: its daily update check
 * turned off, a Wikidata pack's refresh interval, a followed feed's retention and full
 * articles. A backup carries them with the pack, so a restore gives back the library as
 * the user had set it up, not with every choice reset.
 */
import type { BackstoryDatabase } from '../db/database';
import { feedChoicesOf, getFeed, type FeedChoices } from '../feeds/feed-store';
import { dailyCheckKey } from './pack-updates';
import { wikidataRefreshKey } from './wikidata-packs';

export interface PackChoices {
  /** Present (false) when the user turned the pack's daily update check off. */
  dailyCheck?: false;
  /** A Wikidata pack's refresh interval in days, when the user chose one. */
  refreshDays?: number;
  /** A followed feed's choices. */
  feed?: FeedChoices;
}

/** What the user chose for `packId`; undefined when nothing differs from the defaults. */
export async function readPackChoices(db: BackstoryDatabase, packId: string): Promise<PackChoices | undefined> {
  const [dailyCheck, refresh, feed] = await Promise.all([db.meta.get(dailyCheckKey(packId)), db.meta.get(wikidataRefreshKey(packId)), getFeed(db, packId)]);
  const choices: PackChoices = {
    ...(dailyCheck?.value === false ? { dailyCheck: false as const } : {}),
    ...(typeof refresh?.value === 'number' ? { refreshDays: refresh.value } : {}),
    ...(feed ? { feed: feedChoicesOf(feed) } : {}),
  };
  return Object.keys(choices).length > 0 ? choices : undefined;
}

/**
 * After a restore replaced the library: the daily-check and refresh choices are those the
 * backup kept, none other (feeds' choices go with `refollowRestoredFeeds`). Call inside
 * the restore's transaction, which includes `meta`.
 */
export async function restorePackChoices(db: BackstoryDatabase, packs: ReadonlyArray<{ packId: string; choices?: PackChoices }>): Promise<void> {
  await Promise.all([db.meta.where('key').startsWith(dailyCheckKey('')).delete(), db.meta.where('key').startsWith(wikidataRefreshKey('')).delete()]);
  const rows = packs.flatMap(({ packId, choices }) => [
    ...(choices?.dailyCheck === false ? [{ key: dailyCheckKey(packId), value: false }] : []),
    ...(choices?.refreshDays === undefined ? [] : [{ key: wikidataRefreshKey(packId), value: choices.refreshDays }]),
  ]);
  if (rows.length > 0) await db.meta.bulkPut(rows);
}
