import { PopupStatus } from '../../components/PopupStatus';
import type { PageMentions } from './use-page-mentions';

export interface PageMentionsStatusProps {
  mentions: PageMentions;
}

/** Why there is no "on this page" list, in words, with what to do next. */
export function PageMentionsStatus({ mentions }: PageMentionsStatusProps) {
  switch (mentions.status) {
    case 'loading':
      return null;
    case 'restricted':
      return <PopupStatus title="Backstory can’t read this page">Browser pages and extension stores are closed to extensions. Search still works.</PopupStatus>;
    case 'paused':
      return <PopupStatus title="Backstory is paused">Names are not highlighted anywhere until you resume.</PopupStatus>;
    case 'site-off':
      return <PopupStatus title={`Off on ${mentions.site}`}>Switch it on below to see the names on this page.</PopupStatus>;
    case 'unreachable':
      return <PopupStatus title="Backstory is not running on this page yet">It usually starts by itself in a moment; if not, reload the page.</PopupStatus>;
    case 'ready':
      if (mentions.entities.length === 0) return <PopupStatus title="No names from your library on this page" />;
      if (mentions.cappedAt === undefined) return null;
      return (
        <PopupStatus title={`More names than shown: counted up to ${mentions.cappedAt.toLocaleString('en')}`}>
          Backstory highlights at most {mentions.cappedAt.toLocaleString('en')} names on one page; the rest are not highlighted or counted. Raise “Most names highlighted on one page” in Settings to see more.
        </PopupStatus>
      );
  }
}
