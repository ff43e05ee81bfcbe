import { useState } from 'preact/hooks';
import { getDatabase } from '../../../lib/db/database';
import { useLiveQuery } from '../use-live-query';
import { useDebounced } from './use-debounced';
import { usePagedRows } from './use-paged-rows';

const SEARCH_PAUSE_MS = 150;

/**
 * The state behind a library list: the query, the keys that match it once typing pauses
 * (following the library as it changes), rows a page at a time, and pack names by id.
 */
export function useLibraryList<T>(
  keysFor: (query: string) => Promise<string[]>,
  rowsFor: (keys: readonly string[]) => Promise<Array<T | undefined>>,
) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, SEARCH_PAUSE_MS);
  const keys = useLiveQuery(() => keysFor(settled), [settled]);
  const packNames = useLiveQuery(async () => new Map((await getDatabase().packs.toArray()).map((p) => [p.id, p.name])), []);
  const { row, onRangeChange } = usePagedRows<T>(keys, rowsFor);
  // `list`: the LibraryList props that follow the state, spread into it as they are.
  return { list: { query, onQuery: setQuery, count: keys?.length, onRangeChange }, row, packNames };
}
