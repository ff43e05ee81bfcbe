import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  /** How many rows the list has in all. */
  count: number;
  /** Accessible name of the list. */
  label: string;
  /** A first guess of a row's height in CSS pixels; rows are measured once shown. */
  estimateRowPx: number;
  /** Renders row `index`; may render a placeholder while the row loads. */
  renderRow(index: number): ComponentChildren;
  /**
   * Called with the indexes shown (overscan included), so the owner can load them; called
   * again whenever this callback changes, since a new one means new rows behind the indexes.
   */
  onRangeChange?(first: number, last: number): void;
}

/** Rows rendered beyond the visible ones, above and below, so fast scrolling shows no gaps. */
const OVERSCAN_ROWS = 8;
/**
 * Tallest the list gets before it scrolls inside: the window's height less the page's
 * header and the search field above it, so a tall window shows more rows (it was capped
 * at 640 px, eleven rows on any screen), and never under 20rem.
 */
const MAX_HEIGHT_CSS = 'max(20rem, 100vh - 14rem)';

/**
 * A long list that renders only the rows in view (TanStack Virtual), so 50,000 rows
 * scroll as smoothly as 50. Rows keep list semantics for screen readers: each says
 * its position and the list's size.
 */
export function VirtualList({ count, label, estimateRowPx, renderRow, onRangeChange }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, HTMLLIElement>({
        count,
        getScrollElement: () => scroller.current,
        estimateSize: () => estimateRowPx,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        overscan: OVERSCAN_ROWS,
        onChange: () => rerender(undefined),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count, onChange: () => rerender(undefined) });

  // The framework adapters' lifecycle hooks (what @tanstack/react-virtual calls).
  // oxlint-disable-next-line no-underscore-dangle
  useLayoutEffect(() => virtualizer._didMount(), []);
  // oxlint-disable-next-line no-underscore-dangle
  useLayoutEffect(() => virtualizer._willUpdate());

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // A new search with as many results as the last keeps the same indexes: only the new
  // callback (made for the new keys) tells that the rows behind them changed.
  useLayoutEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, count, onRangeChange]);

  return (
    // A short list shrinks to its rows; a long one scrolls inside at most the CSS height.
    <div ref={scroller} class="virtual-list" tabIndex={0} aria-label={`${label}, scrollable`} role="region" style={{ height: `min(${MAX_HEIGHT_CSS}, ${virtualizer.getTotalSize() + 2}px)` }}>
      <ul class="virtual-list__inner" aria-label={label} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => (
          <li
            key={item.key as string | number}
            data-index={item.index}
            ref={(node) => virtualizer.measureElement(node)}
            class="virtual-list__row"
            aria-setsize={count}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
