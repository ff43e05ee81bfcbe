export interface SavedArticleLink {
  key: string;
  headline: string;
}

export interface SaveThisPageProps {
  /** Articles of the library published at this page's URL. */
  saved: SavedArticleLink[];
  busy: boolean;
  /** Why the page cannot be saved, when it cannot. */
  error?: string;
  onSave(): void;
  onOpen(articleKey: string): void;
}

/** The popup's "Save this page" button, and the note when the page is already in the library. */
export function SaveThisPage({ saved, busy, error, onSave, onOpen }: SaveThisPageProps) {
  return (
    <section class="save-page" aria-label="This page">
      {saved.length > 0 && (
        <p class="save-page__saved">
          Already in your library:{' '}
          <button type="button" class="popup__link" onClick={() => onOpen(saved[0]!.key)}>
            {saved[0]!.headline}
          </button>
        </p>
      )}
      <button type="button" class="save-page__button" disabled={busy} onClick={onSave}>
        {busy ? 'Reading the page…' : saved.length > 0 ? 'Save this page again' : 'Save this page'}
      </button>
      {error && (
        <p role="alert" class="save-page__error">
          {error}
        </p>
      )}
    </section>
  );
}
