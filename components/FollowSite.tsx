export interface SiteFeed {
  url: string;
  title?: string;
  /** Whether the user follows it already. */
  followed: boolean;
}

export interface FollowSiteProps {
  /** The feeds the page advertises; nothing is shown without one. */
  feeds: SiteFeed[];
  busy: boolean;
  /** What the last follow did, or why it failed. */
  note?: { text: string; error: boolean };
  onFollow(url: string): void;
}

/** The popup's "Follow this site": one button per feed the page advertises (most pages have one). */
export function FollowSite({ feeds, busy, note, onFollow }: FollowSiteProps) {
  if (feeds.length === 0) return null;
  const several = feeds.length > 1;
  return (
    <section class="save-page follow-site" aria-label="Follow this site">
      {feeds.map((feed) =>
        feed.followed ? (
          // Just followed: the note below says so.
          note && !note.error ? null : (
          <p key={feed.url} class="save-page__saved">
            You follow {feed.title ? `“${feed.title}”` : 'this site'}: its new articles arrive by themselves.
          </p>
          )
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
        ),
      )}
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'save-page__error' : 'save-page__saved'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
