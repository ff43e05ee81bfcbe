import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FollowSite, type SiteFeed } from '../../components/FollowSite';
import { useUndoCountdown } from '../../hooks/use-undo-countdown';
import { getDatabase } from '../../lib/db/database';
import { feedIdOf, feedName, getFeed } from '../../lib/feeds/feed-store';
import { MessageError } from '../../lib/messages/channel';
import { createMessageClient } from '../../lib/messages/client';
import { askTab } from './tab-client';

const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));

async function withFollowed(feeds: ReadonlyArray<{ url: string; title?: string }>): Promise<SiteFeed[]> {
  const db = getDatabase();
  return Promise.all(
    feeds.map(async (feed) => {
      const record = await getFeed(db, feedIdOf(feed.url));
      return { ...feed, followed: record !== undefined, ...(record ? { name: feedName(record) } : {}) };
    }),
  );
}

/** "Follow this site" when the page of `tabId` advertises a feed (asked of its content script); "Following …" with Unfollow when it is followed. */
export function FollowSiteContainer({ tabId }: { tabId: number | undefined }) {
  const [feeds, setFeeds] = useState<SiteFeed[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean }>();
  const undo = useUndoCountdown<{ url: string; name: string }>();

  useEffect(() => {
    if (tabId === undefined) return;
    // A page without Backstory's content script (a browser page, a site turned off) answers nothing: no button.
    void askTab(tabId, 'tab.feeds', {})
      .then(({ feeds: found }) => withFollowed(found))
      .then(setFeeds, () => setFeeds([]));
  }, [tabId]);

  const mark = (url: string, followed: boolean, name?: string) => setFeeds((list) => list.map((f) => (f.url === url ? { ...f, followed, ...(name ? { name } : {}) } : f)));

  async function act(failure: string, job: () => Promise<void>): Promise<void> {
    setBusy(true);
    setNote(undefined);
    try {
      await job();
    } catch (error) {
      console.error(`Backstory: ${failure}`, error);
      setNote({ text: `Backstory could not ${failure}. Try again, or do it in the options page.`, error: true });
    } finally {
      setBusy(false);
    }
  }

  const follow = (url: string) =>
    act('follow this site', async () => {
      const title = feeds.find((f) => f.url === url)?.title;
      // Asked first, as a typed address is: a feed link that answers 404 is refused, not followed to fail every two hours.
      let answer;
      try {
        answer = await client.send('feeds.follow', { url, ...(title ? { title } : {}), check: true });
      } catch (error) {
        if (!(error instanceof MessageError && error.code === 'bad-request')) throw error;
        setNote({ text: error.message, error: true });
        return;
      }
      const { feed, alreadyFollowed } = answer;
      // Followed again by hand: the Undo of its unfollowing would put back a stale copy.
      if (undo.pending?.value.url === url) undo.take();
      mark(url, true, feedName(feed));
      setNote({ text: alreadyFollowed ? 'You followed it already.' : 'Its articles are being fetched now, then every two hours.', error: false });
    });

  // One click, no "are you sure?": the Undo notice is the safety net, as in the options page.
  const unfollow = (url: string) =>
    act('unfollow this site', async () => {
      const name = feeds.find((f) => f.url === url)?.name ?? url;
      const { unfollowed } = await client.send('feeds.unfollow', { feedId: feedIdOf(url) });
      mark(url, false);
      if (unfollowed) undo.offer({ url, name });
    });

  const undoUnfollow = () =>
    act('undo unfollowing', async () => {
      const last = undo.take();
      if (!last) return;
      const { restored } = await client.send('feeds.undoUnfollow', { feedId: feedIdOf(last.url) });
      if (restored) mark(last.url, true, last.name);
    });

  return (
    <FollowSite
      feeds={feeds}
      busy={busy}
      note={note}
      undo={undo.pending && { message: `Unfollowed ${undo.pending.value.name}.`, secondsLeft: undo.pending.secondsLeft }}
      onFollow={(url) => void follow(url)}
      onUnfollow={(url) => void unfollow(url)}
      onUndo={() => void undoUnfollow()}
    />
  );
}
