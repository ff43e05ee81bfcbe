import { useCallback, useRef, useState } from 'preact/hooks';

/** Rows fetched per request as the list scrolls. */
const PAGE_ROWS = 50;

/**
 * Rows of a long list, fetched a page at a time for the indexes on screen. `keys` is
 * the list's full order (cheap); `fetch` turns keys into rows. A new `keys` array
 * (a new search, a changed library) starts over.
 */
export function usePagedRows<T>(
  keys: readonly string[] | undefined,
  fetch: (keys: readonly string[]) => Promise<Array<T | undefined>>,
): { row(index: number): T | undefined; onRangeChange(first: number, last: number): void } {
  const cache = useRef(new Map<number, T | null>());
  const pending = useRef(new Set<number>());
  const cachedFor = useRef(keys);
  const [, setVersion] = useState(0);

  // Reset during render, before the list's layout effects ask for rows of the new keys.
  if (cachedFor.current !== keys) {
    cachedFor.current = keys;
    cache.current = new Map();
    pending.current = new Set();
  }

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (!keys) return;
      for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++) {
        if (pending.current.has(page) || cache.current.has(page * PAGE_ROWS)) continue;
        pending.current.add(page);
        const start = page * PAGE_ROWS;
        const requested = cache.current;
        void fetch(keys.slice(start, start + PAGE_ROWS)).then((rows) => {
          if (requested !== cache.current) return; // a newer search replaced this list
          rows.forEach((row, i) => cache.current.set(start + i, row ?? null));
          setVersion((v) => v + 1);
        });
      }
    },
    [keys, fetch],
  );

  return { row: (index) => cache.current.get(index) ?? undefined, onRangeChange };
}
