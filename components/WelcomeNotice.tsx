export interface WelcomeNoticeProps {
  onOpen(): void;
  onDismiss(): void;
}

/** A new user's one pointer to names from Wikidata: a link there, and a way to never see it again. */
export function WelcomeNotice({ onOpen, onDismiss }: WelcomeNoticeProps) {
  return (
    <aside class="welcome-notice" aria-label="Getting started">
      <p>
        New here? Backstory knows only its starter pack.{' '}
        <button type="button" class="popup__link" onClick={onOpen}>
          Add names from Wikidata
        </button>{' '}
        and ordinary news pages light up.
      </p>
      <button type="button" class="welcome-notice__close" aria-label="Dismiss: don't show this again" onClick={onDismiss}>
        ×
      </button>
    </aside>
  );
}
