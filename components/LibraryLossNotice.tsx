import { useId } from 'preact/hooks';
import type { LibraryLoss } from '../lib/kb/library-marker';
import { formatMoment } from '../lib/text/format-date';
import { countOf } from '../lib/text/plural';

export interface LibraryLossNoticeProps {
  loss: LibraryLoss;
  /** The newest automatic backup kept by the extension, if any. */
  stored?: { fileName: string; at: number };
  busy?: boolean;
  /** Restores the stored backup (options page). */
  onRestore?(): void;
  /** Restores from a backup file the user picks (options page). */
  onPickFile?(file: File): void;
  /** Keeps the library as it is now and stops asking (options page). */
  onStartOver?(): void;
  /** Opens the page where the library can be restored (popup). */
  onOpenRestore?(): void;
}

/**
 * Said plainly when the library is missing what it held (the browser cleared it, or it was
 * deleted): what was there, and the way back. The options page offers the restore; the
 * popup sends the user there.
 */
export function LibraryLossNotice({ loss, stored, busy = false, onRestore, onPickFile, onStartOver, onOpenRestore }: LibraryLossNoticeProps) {
  const titleId = useId();
  const { marker } = loss;
  return (
    <section class="loss-notice" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>Your library was cleared</h2>
      <p>
        The browser no longer holds the library Backstory had on {formatMoment(marker.at)}: {countOf(marker.articles, 'article')},{' '}
        {countOf(marker.entities, 'entity', 'entities')} and {countOf(marker.entityEdits, 'edit')} in {countOf(marker.packs, 'pack')}.{' '}
        {stored ? `The newest automatic backup, from ${formatMoment(stored.at)}, can put it back.` : 'Restore it from a backup file (look in the “Backstory” folder of your downloads).'}
      </p>
      <p class="button-row">
        {stored && onRestore && (
          <button type="button" class="button" disabled={busy} onClick={onRestore}>
            Restore from the backup of {formatMoment(stored.at)}
          </button>
        )}
        {onPickFile && (
          <label class={`button ${stored ? 'button--quiet' : ''} ${busy ? 'button--busy' : ''}`}>
            Restore from a file…
            <input
              class="visually-hidden"
              type="file"
              accept=".json,.gz,application/json"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) onPickFile(file);
              }}
            />
          </label>
        )}
        {onStartOver && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={onStartOver}>
            Start over without it
          </button>
        )}
        {onOpenRestore && (
          <button type="button" class="button" onClick={onOpenRestore}>
            Restore my library…
          </button>
        )}
      </p>
    </section>
  );
}
