import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FeedList, type FeedListItem } from '../../components/FeedList';
import { UndoNotice } from '../../components/UndoNotice';
import { useUndoCountdown } from '../../hooks/use-undo-countdown';
import { getDatabase } from '../../lib/db/database';
import { feedStatus } from '../../lib/feeds/feed-status';
import { feedName, listFeeds, setFeedRetention } from '../../lib/feeds/feed-store';
import { undoUnfollow, unfollowWithUndo, type UnfollowedFeed } from '../../lib/feeds/unfollow-with-undo';
import { undoRefusal } from '../../lib/kb/pack-undo';
import { purgeRemovedPack } from '../../lib/kb/removed-packs';
import { readOpml, writeOpml } from '../../lib/feeds/opml';
import { opmlSummary } from '../../lib/feeds/opml-summary';
import { createMessageClient } from '../../lib/messages/client';
import { MAX_FOLLOW_BATCH } from '../../lib/messages/protocol';
import { nameList } from '../../lib/text/name-list';
import { countOf } from '../../lib/text/plural';
import { saveTextFile } from './save-file';
import { useLiveQuery } from './use-live-query';

const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
const formatTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

async function loadFeeds(): Promise<Omit<FeedListItem, 'fetching'>[]> {
  const db = getDatabase();
  const feeds = await listFeeds(db);
  const packs = await db.packs.bulkGet(feeds.map((f) => f.id));
  return feeds.map((feed, i) => ({
    id: feed.id,
    title: feedName(feed),
    url: feed.url,
    status: feedStatus(feed, formatTime),
    articleCount: packs[i]?.articleCount ?? 0,
    retentionDays: feed.retentionDays,
    maxItems: feed.maxItems,
    fullArticles: feed.fullArticles === true,
  }));
}

/** The Feeds section: follow by address, the followed list with its states, OPML in and out. */
export function FeedsSection() {
  const feeds = useLiveQuery(loadFeeds, []);
  const [address, setAddress] = useState('');
  const [fetching, setFetching] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<{
    text: string;
    error: boolean;
    /** The feed whose first fetch the note speaks of, and what the note says once that fetch is over. */
    fetching?: { feedId: string; after: string };
  }>();
  const addressId = useId();
  // The Undo offer over, the feed pack's rows are deleted, a short transaction at a time.
  const undo = useUndoCountdown<UnfollowedFeed>(({ pack }) => void (pack && purgeRemovedPack(getDatabase(), pack.pack.id).catch((error: unknown) => console.warn('Backstory: rows of a removed pack left for the next start', error))));

  /**
   * Follows `url` (`check`: an address the user typed, asked first by the background): true when it is newly followed,
   * false when it was already, undefined when it was refused.
   */
  async function follow(url: string, { title, check = false }: { title?: string; check?: boolean } = {}): Promise<boolean | undefined> {
    // The check may take seconds (a slow site): said meanwhile, so the click visibly did something.
    if (check) setNote({ text: `Looking for a feed at ${url}…`, error: false });
    try {
      const { alreadyFollowed, feed, foundOn, others = [] } = await client.send('feeds.follow', { url, ...(title ? { title } : {}), ...(check ? { check } : {}) });
      const name = feedName(feed);
      // Followed again by hand: an Undo of its unfollowing would now put back a stale copy.
      if (undo.pending?.value.feed.id === feed.id) undo.take();
      // Said plainly either way: a stale "Following …" line would read as a second follow.
      const found = foundOn ? `${foundOn} is a web page; it names the feed ${feed.url}. ` : '';
      const more = others.length > 0 ? ` The page names ${countOf(others.length, 'other feed')} too: ${nameList(others.map((o) => (o.title ? `${o.title} (${o.url})` : o.url)))}.` : '';
      if (alreadyFollowed) setNote({ text: `${found}You already follow ${name}.${more}`, error: false });
      else setNote({ text: `${found}Following ${name}; its articles are being fetched.${more}`, error: false, fetching: { feedId: feed.id, after: `${found}Following ${name}.${more}` } });
      return !alreadyFollowed;
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : 'Backstory could not follow that address.', error: true });
      return undefined;
    }
  }

  // "… its articles are being fetched" is over once that fetch is: its outcome (articles, or the error) is on the feed's row.
  const fetchedState = note?.fetching && feeds?.find((f) => f.id === note.fetching?.feedId)?.status.state;
  useEffect(() => {
    if (fetchedState && fetchedState !== 'waiting') setNote((n) => n?.fetching && { text: n.fetching.after, error: false });
  }, [fetchedState]);

  async function fetchNow(id: string): Promise<void> {
    setFetching((s) => new Set([...s, id]));
    try {
      await client.send('feeds.fetch', { feedId: id });
    } finally {
      setFetching((s) => new Set([...s].filter((x) => x !== id)));
    }
  }

  // One click, no "are you sure?": the Undo notice is the safety net, as in the pack list.
  async function unfollow(id: string): Promise<void> {
    const unfollowed = await unfollowWithUndo(getDatabase(), id);
    setNote(undefined);
    if (unfollowed) undo.offer(unfollowed);
  }

  async function onUndo(): Promise<void> {
    const unfollowed = undo.take();
    if (!unfollowed) return;
    const outcome = await undoUnfollow(getDatabase(), unfollowed);
    setNote(outcome === 'restored' ? { text: `You follow ${feedName(unfollowed.feed)} again.`, error: false } : { text: undoRefusal(feedName(unfollowed.feed), outcome), error: true });
  }

  async function importOpml(file: File): Promise<void> {
    const read = readOpml(await file.text());
    if (!read) {
      setNote({ text: `${file.name} is not an OPML file: nothing was added.`, error: true });
      return;
    }
    // Batches, one progress line between them; the feeds are fetched in the background afterwards.
    const total = read.feeds.length;
    let done = 0;
    let added = 0;
    let alreadyFollowed = 0;
    const refused: Array<{ name: string; message: string }> = [];
    try {
      for (; done < total; done += MAX_FOLLOW_BATCH) {
        setNote({ text: `Following ${done.toLocaleString()} of ${countOf(total, 'feed')}…`, error: false });
        const batch = await client.send('feeds.followMany', { feeds: read.feeds.slice(done, done + MAX_FOLLOW_BATCH) });
        added += batch.added;
        alreadyFollowed += batch.alreadyFollowed;
        refused.push(...batch.refused);
      }
    } catch (error) {
      // What was followed stays followed; the summary says how many were not.
      console.warn('Backstory: following the feeds of an OPML file failed', error);
    }
    setNote({ text: opmlSummary(file.name, { added, alreadyFollowed, refused, notNoted: total - Math.min(done, total), read }), error: false });
  }

  return (
    <section class="panel" aria-labelledby="feeds-title">
      <div class="panel__header">
        <h2 id="feeds-title">Feeds</h2>
      </div>
      <p class="muted">
        Articles from the sites you follow arrive by themselves: Backstory fetches each feed every two hours, only from the address you gave, and links
        its articles to the names your library knows.
      </p>
      <form
        class="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          // Followed, or followed already: the field is emptied for the next address. A refused one stays, to correct.
          if (address.trim()) void follow(address.trim(), { check: true }).then((followed) => followed !== undefined && setAddress(''));
        }}
      >
        <label for={addressId}>Feed address</label>
        <div class="url-form__row">
          <input id={addressId} type="url" required placeholder="https://example.org/feed.xml" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          <button type="submit" class="button">
            Follow
          </button>
        </div>
      </form>
      <div class="button-row">
        <label class="button button--quiet">
          Import a list of feeds (OPML)
          <input
            type="file"
            accept=".opml,.xml,text/x-opml,application/xml,text/xml"
            class="visually-hidden"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importOpml(file);
            }}
          />
        </label>
        <button
          type="button"
          class="button button--quiet"
          disabled={!feeds?.length}
          onClick={() => feeds && saveTextFile('backstory-feeds.opml', writeOpml(feeds.map((f) => ({ url: f.url, title: f.title }))), 'text/x-opml')}
        >
          Export the list (OPML)
        </button>
      </div>
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'feed-list__error' : 'muted'}>
          {note.text}
        </p>
      )}
      {undo.pending && <UndoNotice message={`Unfollowed ${feedName(undo.pending.value.feed)}.`} secondsLeft={undo.pending.secondsLeft} onUndo={() => void onUndo()} />}
      {feeds && (
        <FeedList
          feeds={feeds.map((f) => ({ ...f, fetching: fetching.has(f.id) }))}
          onFetch={(id) => void fetchNow(id)}
          onUnfollow={(id) => void unfollow(id)}
          onRetention={(id, settings) => void setFeedRetention(getDatabase(), id, settings)}
          onFullArticles={(id, on) =>
            void client.send('feeds.fullArticles', { feedId: id, on }).catch(() => setNote({ text: 'Backstory could not change that setting. Try again.', error: true }))
          }
        />
      )}
    </section>
  );
}
