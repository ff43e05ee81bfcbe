/**
 * Unfollow in one click, with the pack list's Undo: the feed's pack is removed the way
 * the pack list removes it (lib/kb/pack-undo.ts), which also forgets the feed; a feed
 * never fetched yet has no pack, and only its record is forgotten.
 */
import type { BackstoryDatabase } from '../db/database';
import { removePackWithUndo, undoRemovePack, type RemovedPack, type UndoOutcome } from '../kb/pack-undo';
import { forgetFeedRecord, saveFeed, type FeedRecord } from './feed-store';

export interface UnfollowedFeed {
  feed: FeedRecord;
  /** The feed's pack and articles, when it had any. */
  pack?: RemovedPack;
}

/** Stops following a feed and removes its pack; returns what Undo puts back (undefined when it was not followed). */
export async function unfollowWithUndo(db: BackstoryDatabase, id: string): Promise<UnfollowedFeed | undefined> {
  const pack = await removePackWithUndo(db, id);
  if (pack?.feed) return { feed: pack.feed, pack };
  const feed = await forgetFeedRecord(db, id);
  return feed ? { feed, ...(pack ? { pack } : {}) } : undefined;
}

/** Follows the feed again, its pack and articles as they were (not when its pack was added again since). */
export async function undoUnfollow(db: BackstoryDatabase, unfollowed: UnfollowedFeed): Promise<UndoOutcome> {
  if (unfollowed.pack) return undoRemovePack(db, unfollowed.pack);
  await saveFeed(db, unfollowed.feed);
  return 'restored';
}
