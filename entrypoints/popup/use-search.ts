import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Superseded } from '../../lib/search/latest-only';
import { EMPTY_RESULTS, type SearchResults } from '../../lib/search/types';
import type { SearchSource } from './search-source';

export interface SearchState {
  /** The query these results answer (the box may already hold a newer one). */
  query: string;
  results: SearchResults;
  /** A search for the box's current query is still running. */
  pending: boolean;
  failed: boolean;
}

/** Searches as the user types. The newest query wins: an older, slower answer is dropped. */
export function useSearch(source: SearchSource, query: string): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', results: EMPTY_RESULTS, pending: false, failed: false });
  const latest = useRef(0);
  // A layout effect starts the search in the same task as the keystroke's render; a plain
  // effect would wait for the next frame to be painted first (measured: a frame per key).
  useLayoutEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setState({ query, results: EMPTY_RESULTS, pending: false, failed: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    source.search(query).then(
      (results) => ticket === latest.current && setState({ query, results, pending: false, failed: false }),
      (error: unknown) => {
        // A newer keystroke replaced this search before it was asked: nothing failed.
        if (error instanceof Superseded) return;
        console.error('Backstory: search failed', error);
        if (ticket === latest.current) setState({ query, results: EMPTY_RESULTS, pending: false, failed: true });
      },
    );
  }, [source, query]);
  return state;
}
