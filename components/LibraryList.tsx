import { countOf } from '../lib/text/plural';
import { SearchField } from './SearchField';
import { VirtualList } from './VirtualList';

/** What one row of a library list shows. */
export interface LibraryListRow {
  href: string;
  title: string;
  /** Shown under the title, parts joined by " · ". */
  meta: ReadonlyArray<string | undefined>;
}

export interface LibraryListProps {
  /** The list's name ("Articles"); the search box is "Search articles". */
  label: string;
  placeholder: string;
  /** How one and several rows are counted: ["article", "articles"]. */
  noun: readonly [string, string];
  query: string;
  onQuery(query: string): void;
  /** How many rows match, or undefined while searching. */
  count: number | undefined;
  rowPx: number;
  onRangeChange(first: number, last: number): void;
  /** The row at an index, or undefined while it loads. */
  rowAt(index: number): LibraryListRow | undefined;
}

/** A searchable, virtualized list of library rows, each a link with a line of details. */
export function LibraryList({ label, placeholder, noun, query, onQuery, count, rowPx, onRangeChange, rowAt }: LibraryListProps) {
  return (
    <>
      <SearchField
        label={`Search ${label.toLowerCase()}`}
        placeholder={placeholder}
        value={query}
        onInput={onQuery}
        resultText={count === undefined ? 'Searching…' : countOf(count, noun[0], noun[1])}
      />
      {count !== undefined && count > 0 && (
        <VirtualList
          count={count}
          label={label}
          estimateRowPx={rowPx}
          onRangeChange={onRangeChange}
          renderRow={(i) => {
            const row = rowAt(i);
            if (!row) return <p class="muted">Loading…</p>;
            return (
              <div class="library-row">
                <a href={row.href} class="library-row__title">
                  {row.title}
                </a>
                <p class="library-row__meta">{row.meta.filter(Boolean).join(' · ')}</p>
              </div>
            );
          }}
        />
      )}
    </>
  );
}
