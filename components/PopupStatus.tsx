import type { ComponentChildren } from 'preact';

export interface PopupStatusProps {
  title: string;
  children?: ComponentChildren;
}

/** A quiet message where results would be: nothing found, a page Backstory cannot read, a paused extension. */
export function PopupStatus({ title, children }: PopupStatusProps) {
  return (
    <div class="status" role="status">
      <p class="status__title">{title}</p>
      {children && <p class="status__body">{children}</p>}
    </div>
  );
}
