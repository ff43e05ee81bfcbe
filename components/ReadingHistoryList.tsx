import { useState } from 'preact/hooks';
import { countOf } from '../lib/text/plural';
import { ConfirmDialog } from './ConfirmDialog';
import { SearchField } from './SearchField';
import { VirtualList } from './VirtualList';

/** One remembered article, as the history shows it. */
export interface ReadingHistoryEntry {
  key: string;
  headline: string;
  /** Link to the article in the library's reader. */
  href: string;
  /** Shown under the headline, parts joined by " · " (site, time of reading). */
  meta: ReadonlyArray<string | undefined>;
}

export interface ReadingHistoryDay {
  /** Stable id of the day ("2026-12-06"). */
  day: string;
  /** The day as people say it ("Sunday, 6 December 2026"). */
  label: string;
  /** The day's entries the search shows. */
  entries: ReadingHistoryEntry[];
  /** Keys of every entry read that day, whatever the search shows: what "Delete this day" deletes. */
  allKeys: string[];
}

export interface ReadingHistoryListProps {
  days: readonly ReadingHistoryDay[] | undefined;
  query: string;
  onQuery(query: string): void;
  /** Deletes these entries (one, or a whole day's). */
  onDelete(keys: string[]): void;
  /** Deletes the whole history, search or not. */
  onDeleteAll(): void;
}

type Row = { kind: 'day'; day: ReadingHistoryDay } | { kind: 'entry'; entry: ReadingHistoryEntry };
type Pending = { kind: 'day'; day: ReadingHistoryDay } | { kind: 'all' };

const ROW_PX = 60;

/**
 * The reading history: searchable, newest first, grouped by day, virtualized. Deleting
 * one entry is immediate; a day or everything is asked about first, in the page.
 */
export function ReadingHistoryList({ days, query, onQuery, onDelete, onDeleteAll }: ReadingHistoryListProps) {
  const [pending, setPending] = useState<Pending>();
  const rows: Row[] = (days ?? []).flatMap((day) => [{ kind: 'day', day } as Row, ...day.entries.map((entry): Row => ({ kind: 'entry', entry }))]);
  const count = days?.reduce((n, d) => n + d.entries.length, 0);

  return (
    <>
      <SearchField
        label="Search reading history"
        placeholder="Headline, site or address"
        value={query}
        onInput={onQuery}
        resultText={count === undefined ? 'Searching…' : countOf(count, 'article')}
      />
      {count !== undefined && count > 0 && (
        <VirtualList
          count={rows.length}
          label="Reading history"
          estimateRowPx={ROW_PX}
          renderRow={(i) => {
            const row = rows[i]!;
            if (row.kind === 'day') {
              return (
                <div class="history-day">
                  <h3>{row.day.label}</h3>
                  <button type="button" class="button button--quiet" onClick={() => setPending({ kind: 'day', day: row.day })}>
                    Delete this day
                  </button>
                </div>
              );
            }
            return (
              <div class="library-row history-row">
                <div>
                  <a href={row.entry.href} class="library-row__title">
                    {row.entry.headline}
                  </a>
                  <p class="library-row__meta">{row.entry.meta.filter(Boolean).join(' · ')}</p>
                </div>
                <button type="button" class="button button--quiet" aria-label={`Delete “${row.entry.headline}” from the reading history`} onClick={() => onDelete([row.entry.key])}>
                  Delete
                </button>
              </div>
            );
          }}
        />
      )}
      {count !== undefined && count > 0 && (
        <p class="button-row history-actions">
          <button type="button" class="button button--quiet" onClick={() => setPending({ kind: 'all' })}>
            Delete all reading history
          </button>
        </p>
      )}
      {pending?.kind === 'day' && (
        <ConfirmDialog
          title={`Delete what you read on ${pending.day.label}?`}
          confirmLabel={`Delete ${countOf(pending.day.allKeys.length, 'article')}`}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            onDelete(pending.day.allKeys);
            setPending(undefined);
          }}
        >
          <p>
            {pending.day.allKeys.length > pending.day.entries.length
              ? `All ${countOf(pending.day.allKeys.length, 'article')} you read that day leave your reading history and your library, not only the ${pending.day.entries.length.toLocaleString()} the search shows. This cannot be undone.`
              : `${countOf(pending.day.allKeys.length, 'article')} will leave your reading history and your library. This cannot be undone.`}
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'all' && (
        <ConfirmDialog
          title="Delete all your reading history?"
          confirmLabel="Delete everything"
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            onDeleteAll();
            setPending(undefined);
          }}
        >
          <p>Every remembered article leaves your reading history and your library, whatever the search shows. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
