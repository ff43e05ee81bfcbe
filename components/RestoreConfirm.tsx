import type { BackupSummary } from '../lib/kb/backup';
import { restoreLosses, type LibraryTally } from '../lib/kb/restore-losses';
import { formatArticleDate } from '../lib/text/format-date';
import { nameList } from '../lib/text/name-list';
import { countOf } from '../lib/text/plural';
import { ConfirmDialog } from './ConfirmDialog';

export interface RestoreConfirmProps {
  fileName: string;
  /** What the checked backup holds. */
  backup: BackupSummary;
  /** What the library holds now, when known: what the restore replaces. */
  library?: LibraryTally;
  onConfirm(): void;
  onCancel(): void;
}

const LOSS_NOUNS: Record<keyof LibraryTally, [string, string]> = {
  packs: ['pack', 'packs'],
  articles: ['article', 'articles'],
  entities: ['entity', 'entities'],
  entityEdits: ['entity edit', 'entity edits'],
};

/** Packs named in the question; more are counted. */
const NAMED_PACKS = 3;

/**
 * The question asked once a backup has been checked: what it holds, what it replaces
 * (a ConfirmDialog: Cancel has the focus first, since the other answer replaces the whole library).
 */
export function RestoreConfirm({ fileName, backup, library, onConfirm, onCancel }: RestoreConfirmProps) {
  const packNames = nameList(backup.packNames.map((name) => `“${name}”`), NAMED_PACKS);
  const created = formatArticleDate(backup.created);
  const losses = library ? restoreLosses(library, backup) : [];

  return (
    <ConfirmDialog title="Replace your library with this backup?" confirmLabel="Replace my library" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        {fileName} is a sound backup{created ? `, made on ${created}` : ''}. It holds:
      </p>
      <ul class="confirm__list">
        <li>
          {countOf(backup.packs, 'pack')}
          {packNames ? `: ${packNames}` : ''}
        </li>
        <li>{countOf(backup.articles, 'article')}</li>
        <li>{countOf(backup.entities, 'entity', 'entities')}</li>
        <li>{countOf(backup.entityEdits, 'entity edit')}, and your settings</li>
      </ul>
      {library && (
        <p class="muted">
          Your library now has {countOf(library.packs, 'pack')}, {countOf(library.articles, 'article')}, {countOf(library.entities, 'entity', 'entities')} and{' '}
          {countOf(library.entityEdits, 'entity edit')}: all of it is replaced.
        </p>
      )}
      {losses.length > 0 && (
        <p class="report report--error">
          <strong>This backup holds less than your library: </strong>
          restoring it loses {losses.map((loss) => countOf(loss.count, ...LOSS_NOUNS[loss.kind])).join(', ')}.
        </p>
      )}
    </ConfirmDialog>
  );
}
