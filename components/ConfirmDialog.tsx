import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  /** The destructive answer's label ("Delete 3 articles"). */
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A question before something that cannot be undone, in the page (never window.confirm):
 * a modal <dialog>, Esc cancels, and Cancel has the focus first.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const ids = { title: useId(), body: useId() };
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id={ids.title}>{title}</h3>
      <div id={ids.body}>{children}</div>
      <p class="button-row">
        <button type="button" class="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button button--quiet" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </p>
    </dialog>
  );
}
