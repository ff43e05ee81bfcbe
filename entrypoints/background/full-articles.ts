import type { BackstoryDatabase } from '../../lib/db/database';
import { articleTextOfHtml } from '../../lib/extract/article-text';
import { decodeFeed } from '../../lib/feeds/decode-feed';
import { getFeed, listFeeds } from '../../lib/feeds/feed-store';
import { downloadArticlePage } from '../../lib/feeds/fetch-feed';
import { mayFetchArticlePage, noteFullTextFailed, pagesWanted, putFullText, siteOfUrl } from '../../lib/feeds/full-articles';
import { createHostQueue } from '../../lib/feeds/host-queue';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import { READ_ARTICLE_TEXT } from '../../lib/messages/offscreen-messages';
import { browser } from 'wxt/browser';
import { holdOffscreenDocument } from './offscreen-document';

/** The least time between two article pages asked of one site: a reader's pace, not a crawler's. */
const SECONDS_BETWEEN_PAGES_OF_A_SITE = 5;

export interface FullArticleDeps {
  db: BackstoryDatabase;
  matchers: MatcherCache;
}

export interface FullArticles {
  /**
   * Queues the article pages wanted by `feedIds` (every followed feed when absent) and
   * returns at once: feed rounds never wait for these fetches.
   */
  queue(feedIds?: readonly string[]): Promise<void>;
}

/**
 * The article's text from its page's HTML. Firefox's background page has a DOMParser;
 * Chromium's service worker has none, so there the offscreen document reads it. Either
 * way only the HTML string goes in and plain text comes out; a parsed document runs nothing.
 */
async function readArticleText(html: string, url: string): Promise<string | undefined> {
  if (typeof DOMParser === 'function') return articleTextOfHtml(html, url, new DOMParser());
  const release = await holdOffscreenDocument();
  try {
    const reply = (await browser.runtime.sendMessage({ type: READ_ARTICLE_TEXT, html, url })) as { text?: string | null } | undefined;
    return reply?.text ?? undefined;
  } finally {
    await release();
  }
}

/**
 * Full articles of followed feeds that carry only summaries, for the feeds where the
 * user turned it on: each wanted page fetched with the feeds' own fetcher and guards,
 * at most one request per site every few seconds (lib/feeds/host-queue.ts), read with
 * Readability, and put in place of the summary, linked to the names the library knows.
 * A page that fails leaves the summary; one that failed for a passing reason (the site
 * unreachable or briefly failing) is asked again in a later round, at most twice.
 */
export function startFullArticles({ db, matchers }: FullArticleDeps): FullArticles {
  const hosts = createHostQueue({ intervalMs: SECONDS_BETWEEN_PAGES_OF_A_SITE * 1000 });

  async function fetchPage(feedId: string, articleKey: string, url: string): Promise<void> {
    // Asked again when its turn comes: the user may have turned it off, or unfollowed, meanwhile.
    const feed = await getFeed(db, feedId);
    if (!feed?.fullArticles || !mayFetchArticlePage(url, feed)) return;
    const download = await downloadArticlePage(url, { fetch: (u, init) => fetch(u, init) });
    const text = download.kind === 'downloaded' ? await readArticleText(decodeFeed(download.bytes, download.contentType), url) : undefined;
    if (!text) {
      console.info(`Backstory: no full article read from ${url}`, download.kind === 'failed' ? download.message : 'no article on the page');
      await noteFullTextFailed(db, articleKey, { retry: download.kind === 'failed' && download.retry === true });
      return;
    }
    // The matcher pages are scanned with, already built: compiling one per article would hold the worker.
    const { matcher } = await matchers.get();
    await putFullText(db, { articleKey, text, matcher });
  }

  return {
    async queue(feedIds) {
      const feeds = feedIds ? (await Promise.all(feedIds.map((id) => getFeed(db, id)))).filter((f) => f !== undefined) : await listFeeds(db);
      for (const feed of feeds) {
        for (const page of await pagesWanted(db, feed)) {
          hosts.add(siteOfUrl(page.url), page.articleKey, () => fetchPage(feed.id, page.articleKey, page.url));
        }
      }
    },
  };
}
