export interface UndoNoticeProps {
  message: string;
  /** Seconds left to undo, shown to the user. */
  secondsLeft: number;
  onUndo(): void;
}

/** "Removed X. Undo" for a few seconds after a destructive action. */
export function UndoNotice({ message, secondsLeft, onUndo }: UndoNoticeProps) {
  return (
    <div class="report undo-notice" role="status">
      <p class="report__summary">{message}</p>
      <button type="button" class="button button--quiet" onClick={onUndo}>
        Undo ({secondsLeft} s)
      </button>
    </div>
  );
}
