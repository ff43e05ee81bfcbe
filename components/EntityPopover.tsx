import { useId } from 'preact/hooks';
import type { EntityCard } from '../lib/kb/entity-card';
import { EntityCardView } from './EntityCardView';

export type PopoverContent =
  | { status: 'loading'; name: string }
  | { status: 'ready'; cards: EntityCard[] }
  | { status: 'error'; message: string };

export interface EntityPopoverProps {
  content: PopoverContent;
  theme: 'light' | 'dark';
  onClose(): void;
  onOpenArticle(articleKey: string): void;
}

/** The hover popover: a labelled, non-modal dialog holding one card per candidate entity. */
export function EntityPopover({ content, theme, onClose, onOpenArticle }: EntityPopoverProps) {
  const headingId = useId();
  const label = content.status === 'loading' ? content.name : undefined;
  return (
    <div
      class="bs-popover"
      data-theme={theme}
      role="dialog"
      aria-labelledby={content.status === 'ready' ? headingId : undefined}
      aria-label={label ?? (content.status === 'error' ? 'Backstory' : undefined)}
    >
      <button type="button" class="bs-popover__close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {content.status === 'loading' && <p class="bs-popover__status">Looking up {content.name}…</p>}
      {content.status === 'error' && <p class="bs-popover__status">{content.message}</p>}
      {content.status === 'ready' && content.cards.length > 1 && (
        <p class="bs-popover__ambiguous">This name may refer to {content.cards.length} entries:</p>
      )}
      {content.status === 'ready' &&
        content.cards.map((card, i) => (
          <EntityCardView
            key={card.key}
            card={card}
            headingId={i === 0 ? headingId : undefined}
            onOpenArticle={onOpenArticle}
          />
        ))}
    </div>
  );
}
