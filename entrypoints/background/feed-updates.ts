import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import { feedAddressProblem, feedIdOf, followFeed, followFeeds, getFeed, setFeedFullArticles } from '../../lib/feeds/feed-store';
import { HandlerError } from '../../lib/messages/channel';
import { checkFeedAddress } from '../../lib/feeds/check-feed-address';
import { refreshDueFeeds, refreshFeed, type RefreshOptions } from '../../lib/feeds/refresh-feeds';
import type { Handlers } from '../../lib/messages/router';
import type { FullArticles } from './full-articles';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import { createPause } from '../../lib/feeds/work-slices';
import { undoUnfollow, unfollowWithUndo, type UnfollowedFeed } from '../../lib/feeds/unfollow-with-undo';
import { purgeRemovedPack } from '../../lib/kb/removed-packs';

const FEED_ALARM = 'backstory-feeds';
/**
 * How often the background looks for feeds that are due. Each feed has its own time
 * (every two hours, later after errors: lib/feeds/feed-schedule.ts); this only wakes the
 * worker to look, which costs one read of the feed list.
 */
const FEED_TICK_MINUTES = 15;

export type FeedHandlers = Pick<Handlers, 'feeds.follow' | 'feeds.followMany' | 'feeds.fetch' | 'feeds.fullArticles' | 'feeds.unfollow' | 'feeds.undoUnfollow'>;

/**
 * How long what the popup's Unfollow removed is kept for its Undo: the popup's countdown
 * (hooks/use-undo-countdown.ts, 10 s, as in the options page), and a little more for the
 * message on its way.
 */
const UNDO_KEPT_MS = 15_000;

export interface FeedDeps {
  db: BackstoryDatabase;
  /** New items are linked with the matcher pages are scanned with: nothing is compiled per round. */
  matchers: MatcherCache;
  /** First-run work the fetches wait for. */
  ready: Promise<unknown>;
  /** Article pages of summary-only items, where allowed: queued after each round, never waited for. */
  fullArticles: FullArticles;
}


/**
 * Rounds are one at a time: the alarm, "Fetch now" and a new follow queue behind each
 * other, so a feed is never fetched or written twice at once (within a round, a few
 * feeds download at once: lib/feeds/refresh-feeds.ts).
 */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Fetches followed feeds in the background, on a chrome.alarms tick (so a sleeping
 * service worker wakes for it), and answers the pages' "follow" and "fetch now". Only
 * feeds the user followed are ever fetched, each only at its own address.
 */
export function startFeedUpdates({ db, matchers, ready, fullArticles }: FeedDeps): FeedHandlers {
  const options: RefreshOptions = {
    fetch: (url, init) => fetch(url, init),
    matcher: async () => (await matchers.get()).matcher,
    // Parsing and linking give the thread back every few milliseconds: pages' scans and hovers are answered meanwhile.
    pause: createPause(),
  };
  const queue = createQueue();
  /** What the popup's last Unfollow of each feed removed, for its Undo (in memory: an Undo lasts seconds). */
  const undoable = new Map<string, UnfollowedFeed>();
  const queuePages = (feedIds?: string[]) => void fullArticles.queue(feedIds).catch((error: unknown) => console.warn('Backstory: could not queue full articles', error));
  const fetchDue = () => queue(async () => {
    await ready;
    await refreshDueFeeds(db, options);
    queuePages();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== FEED_ALARM) return;
    void fetchDue()
      .then(() => (alarm.periodInMinutes ? undefined : ensureAlarm()))
      .catch((error: unknown) => console.warn('Backstory: fetching feeds failed', error));
  });
  void ensureAlarm();

  return {
    async 'feeds.follow'({ url, title, check }) {
      const problem = feedAddressProblem(url);
      if (problem) throw new HandlerError('bad-request', problem);
      await ready;
      // An address the user typed is asked first (a page is read for its feeds; an error is refused); one already followed is not asked again.
      const checked = check && !(await getFeed(db, feedIdOf(url))) ? await checkFeedAddress(url, { fetch: options.fetch }) : undefined;
      if (checked && !checked.ok) throw new HandlerError('bad-request', checked.message);
      const found = checked?.ok ? checked : undefined;
      const feedUrl = found?.url ?? url;
      const alreadyFollowed = (await getFeed(db, feedIdOf(feedUrl))) !== undefined;
      const feed = await followFeed(db, { url: feedUrl, title: found?.title ?? title });
      // Fetched at once (a new feed is due), in the background: the popup may close before
      // it is done. As a round of the due feeds: 50 feeds of an OPML file followed in a row
      // are fetched in a few rounds and written in a few transactions, not 50.
      if (!alreadyFollowed) void fetchDue().catch((error: unknown) => console.warn('Backstory: fetching feeds failed', error));
      return { feed, alreadyFollowed, ...(found?.foundOn ? { foundOn: found.foundOn, others: found.others } : {}) };
    },
    async 'feeds.followMany'({ feeds }) {
      await ready;
      const refused: Array<{ name: string; message: string }> = [];
      const followable = feeds.filter((feed) => {
        const problem = feedAddressProblem(feed.url);
        if (problem) refused.push({ name: feed.title || feed.url, message: problem });
        return !problem;
      });
      const { added, alreadyFollowed } = await followFeeds(db, followable);
      // Fetched after the answer, in rounds of the due feeds: the page says its summary at once.
      if (added.length > 0) void fetchDue().catch((error: unknown) => console.warn('Backstory: fetching feeds failed', error));
      return { added: added.length, alreadyFollowed, refused: refused.map((r) => ({ ...r, name: r.name.slice(0, 200) })) };
    },
    async 'feeds.fetch'({ feedId }) {
      await ready;
      if (!feedId) {
        await fetchDue();
        return {};
      }
      if (!(await getFeed(db, feedId))) return {};
      const feed = await queue(() => refreshFeed(db, feedId, options));
      queuePages([feedId]);
      return { feed };
    },
    // The popup writes nothing itself (docs/architecture.md): its Unfollow and Undo are done here.
    async 'feeds.unfollow'({ feedId }) {
      await ready;
      const unfollowed = await queue(() => unfollowWithUndo(db, feedId));
      if (!unfollowed) return { unfollowed: false };
      undoable.set(feedId, unfollowed);
      setTimeout(() => {
        if (undoable.get(feedId) !== unfollowed) return;
        undoable.delete(feedId);
        // The Undo offer over: the pack's rows are deleted, a short transaction at a time.
        if (unfollowed.pack) void queue(() => purgeRemovedPack(db, feedId)).catch((error: unknown) => console.warn('Backstory: rows of a removed pack left for the next start', error));
      }, UNDO_KEPT_MS);
      return { unfollowed: true };
    },
    async 'feeds.undoUnfollow'({ feedId }) {
      await ready;
      const unfollowed = undoable.get(feedId);
      undoable.delete(feedId);
      // Followed again meanwhile (the options page, the popup's Follow): an Undo would put back a stale copy.
      if (!unfollowed || (await getFeed(db, feedId))) return { restored: false };
      return { restored: (await queue(() => undoUnfollow(db, unfollowed))) === 'restored' };
    },
    async 'feeds.fullArticles'({ feedId, on }) {
      await ready;
      const feed = await setFeedFullArticles(db, feedId, on);
      // Turned on: the items already kept that have only a summary are read too.
      if (feed?.fullArticles) queuePages([feedId]);
      return { feed };
    },
  };
}

async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(FEED_ALARM)) return;
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_TICK_MINUTES, delayInMinutes: 1 });
}
