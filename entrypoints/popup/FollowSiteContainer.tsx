import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FollowSite, type SiteFeed } from '../../components/FollowSite';
import { getDatabase } from '../../lib/db/database';
import { feedIdOf, feedName, getFeed } from '../../lib/feeds/feed-store';
import { createMessageClient } from '../../lib/messages/client';
import { askTab } from './tab-client';

const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));

async function withFollowed(feeds: ReadonlyArray<{ url: string; title?: string }>): Promise<SiteFeed[]> {
  const db = getDatabase();
  return Promise.all(feeds.map(async (feed) => ({ ...feed, followed: (await getFeed(db, feedIdOf(feed.url))) !== undefined })));
}

/** "Follow this site" when the page of `tabId` advertises a feed (asked of its content script). */
export function FollowSiteContainer({ tabId }: { tabId: number | undefined }) {
  const [feeds, setFeeds] = useState<SiteFeed[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean }>();

  useEffect(() => {
    if (tabId === undefined) return;
    // A page without Backstory's content script (a browser page, a site turned off) answers nothing: no button.
    void askTab(tabId, 'tab.feeds', {})
      .then(({ feeds: found }) => withFollowed(found))
      .then(setFeeds, () => setFeeds([]));
  }, [tabId]);

  async function follow(url: string): Promise<void> {
    setBusy(true);
    setNote(undefined);
    try {
      const title = feeds.find((f) => f.url === url)?.title;
      const { feed, alreadyFollowed } = await client.send('feeds.follow', { url, ...(title ? { title } : {}) });
      setFeeds((list) => list.map((f) => (f.url === url ? { ...f, followed: true } : f)));
      const name = feedName(feed);
      setNote({ text: alreadyFollowed ? `You already follow ${name}.` : `Following ${name}. Its articles are being fetched now, then every two hours.`, error: false });
    } catch (error) {
      console.error('Backstory: could not follow this site', error);
      setNote({ text: 'Backstory could not follow this site. Try again, or add the feed in the options page.', error: true });
    } finally {
      setBusy(false);
    }
  }

  return <FollowSite feeds={feeds} busy={busy} note={note} onFollow={(url) => void follow(url)} />;
}
