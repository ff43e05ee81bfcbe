import { FEED_LIMITS, KEPT_ITEMS_RANGE, RETENTION_DAYS_RANGE } from '../lib/feeds/feed-limits';
import type { FeedStatus } from '../lib/feeds/feed-status';
import { countOf } from '../lib/text/plural';
import { NumberField } from './NumberField';

export interface FeedListItem {
  id: string;
  title: string;
  url: string;
  status: FeedStatus;
  articleCount: number;
  retentionDays: number;
  maxItems: number;
  /** Whether summary-only items are read in full from the feed's site. */
  fullArticles: boolean;
  fetching: boolean;
}

export interface FeedListProps {
  feeds: readonly FeedListItem[];
  onFetch(id: string): void;
  onUnfollow(id: string): void;
  onRetention(id: string, settings: { retentionDays: number; maxItems: number }): void;
  onFullArticles(id: string, on: boolean): void;
}

const DAYS = RETENTION_DAYS_RANGE;
const ITEMS = KEPT_ITEMS_RANGE;

/** The followed feeds: each with its state in plain words, "Fetch now", how long articles are kept, and "Unfollow". */
export function FeedList({ feeds, onFetch, onUnfollow, onRetention, onFullArticles }: FeedListProps) {
  if (feeds.length === 0) return <p class="muted">You follow no feeds yet. Add one by its address, or with “Follow this site” in the toolbar popup.</p>;
  return (
    <ul class="pack-list" aria-label="Followed feeds">
      {feeds.map((feed) => (
        <li key={feed.id} class={`pack-list__item feed-list__item feed-list__item--${feed.status.state}`}>
          <div class="pack-list__main">
            <h3 class="pack-list__name">{feed.title}</h3>
            <p class="pack-list__meta feed-list__url">{feed.url}</p>
            <p class="pack-list__description">
              {feed.status.summary}
              {/* Once fetched, the count is said even when it is 0: a feed that keeps nothing is worth seeing. */}
              {feed.status.state !== 'waiting' && ` ${countOf(feed.articleCount, 'article')} kept.`}
            </p>
            {feed.status.error && <p class="feed-list__error">{feed.status.error}</p>}
            <div class="feed-list__settings">
              <div class="feed-list__retention">
                <NumberField
                  label="Keep articles for (days)"
                  ariaLabel={`Days to keep articles of ${feed.title}`}
                  range={DAYS}
                  step={1}
                  value={feed.retentionDays}
                  hint={`From ${DAYS.min} to ${DAYS.max.toLocaleString()}.`}
                  onChange={(retentionDays) => onRetention(feed.id, { retentionDays, maxItems: feed.maxItems })}
                />
                {/* "At most 1000" with 500 kept reads as a bug unless said: each answer is read up to the cap. */}
                <NumberField
                  label="Keep at most (articles)"
                  ariaLabel={`Most articles to keep of ${feed.title}`}
                  range={ITEMS}
                  step={10}
                  value={feed.maxItems}
                  hint={`From ${ITEMS.min} to ${ITEMS.max.toLocaleString()}. Backstory reads at most ${FEED_LIMITS.maxItems.toLocaleString()} items from each fetch.`}
                  onChange={(maxItems) => onRetention(feed.id, { retentionDays: feed.retentionDays, maxItems })}
                />
              </div>
              <label class="feed-list__check">
                <input
                  type="checkbox"
                  checked={feed.fullArticles}
                  aria-describedby={`${feed.id}-full-hint`}
                  onChange={(e) => onFullArticles(feed.id, e.currentTarget.checked)}
                />{' '}
                Get the full article from the site when the feed gives only a summary
              </label>
              <p id={`${feed.id}-full-hint`} class="muted small">
                Backstory then opens those article pages itself, only on this feed’s own site, one every few seconds at most, and keeps their text. Off: only
                the feed is fetched.
              </p>
            </div>
          </div>
          <div class="pack-list__actions">
            <button type="button" class="button button--quiet" disabled={feed.fetching} onClick={() => onFetch(feed.id)} aria-label={`Fetch ${feed.title} now`}>
              {feed.fetching ? 'Fetching…' : 'Fetch now'}
            </button>
            <button type="button" class="button button--quiet" onClick={() => onUnfollow(feed.id)} aria-label={`Unfollow ${feed.title}`}>
              Unfollow
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
