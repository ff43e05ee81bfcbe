import { UndoNotice } from './UndoNotice';

export interface SiteFeed {
  url: string;
  title?: string;
  /** Whether the user follows it already. */
  followed: boolean;
  /** What Backstory calls the feed once followed (its title, else its address). */
  name?: string;
}

export interface FollowSiteProps {
  /** The feeds the page advertises; nothing is shown without one. */
  feeds: SiteFeed[];
  busy: boolean;
  /** What the last follow did, or why it failed. */
  note?: { text: string; error: boolean };
  /** "Unfollowed X. Undo" while the last Unfollow can be undone. */
  undo?: { message: string; secondsLeft: number };
  onFollow(url: string): void;
  onUnfollow?(url: string): void;
  onUndo?(): void;
}

/** Feeds shown at once: a page that advertises many (up to 20 are read) keeps the popup short; the rest are one click away. */
const SHOWN_FEEDS = 5;

/**
 * The popup's "Follow this site": one button per feed the page advertises (most pages
 * have one), 8 px apart, the first five shown and any others under "N more feeds on this
 * page"; a feed already followed says so, with Unfollow (undoable for a few seconds).
 */
export function FollowSite({ feeds, busy, note, undo, onFollow, onUnfollow, onUndo }: FollowSiteProps) {
  if (feeds.length === 0) return null;
  const several = feeds.length > 1;
  const row = (feed: SiteFeed) => {
    const name = feed.name ?? feed.title ?? 'this site';
    return feed.followed ? (
      <div key={feed.url} class="follow-site__followed">
        <p class="save-page__saved">Following {name}</p>
        {onUnfollow && (
          <button type="button" class="button button--quiet" disabled={busy} aria-label={`Unfollow ${name}`} onClick={() => onUnfollow(feed.url)}>
            Unfollow
          </button>
        )}
      </div>
    ) : (
      <button
        key={feed.url}
        type="button"
        class="save-page__button follow-site__button"
        disabled={busy}
        aria-label={several && feed.title ? `Follow this site: ${feed.title}` : 'Follow this site'}
        onClick={() => onFollow(feed.url)}
      >
        {several && feed.title ? `Follow “${feed.title}”` : 'Follow this site'}
      </button>
    );
  };
  const more = feeds.slice(SHOWN_FEEDS);
  return (
    <section class="save-page follow-site" aria-label="Follow this site">
      <div class="follow-site__feeds">
        {feeds.slice(0, SHOWN_FEEDS).map(row)}
        {more.length > 0 && (
          <details class="follow-site__more">
            <summary>{more.length === 1 ? '1 more feed on this page' : `${more.length} more feeds on this page`}</summary>
            <div class="follow-site__feeds">{more.map(row)}</div>
          </details>
        )}
      </div>
      {undo && onUndo && <UndoNotice message={undo.message} secondsLeft={undo.secondsLeft} onUndo={onUndo} />}
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'save-page__error' : 'save-page__saved'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
