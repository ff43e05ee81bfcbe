import { useEffect, useState } from 'preact/hooks';
import { PopupStatus } from '../../components/PopupStatus';
import { countOf } from '../../lib/text/plural';
import type { SearchSource } from './search-source';

export interface NoResultsStatusProps {
  source: SearchSource;
  query: string;
  failed: boolean;
}

/**
 * What the popup says when a search finds nothing. While the background is still adding
 * packs to search (just imported, at a size where that takes a while), "nothing in your
 * library matches" would be untrue: it says which packs cannot be searched yet.
 */
export function NoResultsStatus({ source, query, failed }: NoResultsStatusProps) {
  const [pending, setPending] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void source.notYetSearchable().then(
      (names) => current && setPending(names),
      () => current && setPending([]),
    );
    return () => {
      current = false;
    };
  }, [source, query]);
  if (failed) return <PopupStatus title="Search is not available right now">Close the popup and open it again.</PopupStatus>;
  if (pending.length > 0) {
    return (
      <PopupStatus title={`Nothing found for “${query}” yet`}>
        Backstory is still adding {packList(pending)} to search; {pending.length === 1 ? 'its' : 'their'} names can be found in a few minutes.
      </PopupStatus>
    );
  }
  return <PopupStatus title={`Nothing in your library matches “${query}”`}>Try fewer letters, or another spelling.</PopupStatus>;
}

/** "“A”", "“A” and “B”", or "“A”, “B” and 3 other packs". */
function packList(names: readonly string[]): string {
  const quoted = names.slice(0, 2).map((name) => `“${name}”`);
  const rest = names.length - quoted.length;
  return new Intl.ListFormat('en').format(rest > 0 ? [...quoted, countOf(rest, 'other pack')] : quoted);
}
