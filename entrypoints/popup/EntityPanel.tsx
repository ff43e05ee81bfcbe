import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EntityCardView } from '../../components/EntityCardView';
import { getDatabase } from '../../lib/db/database';
import { type EntityCard, getEntityCards } from '../../lib/kb/entity-card';

export interface EntityPanelProps {
  entityKey: string;
  onBack(): void;
  onOpenArticle(articleKey: string): void;
}

/** An entity's card inside the popup (the same card as the page popover), with a way back. */
export function EntityPanel({ entityKey, onBack, onOpenArticle }: EntityPanelProps) {
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  const headingId = useId();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let current = true;
    getEntityCards(getDatabase(), [entityKey]).then(
      (cards) => current && setCard(cards[0] ?? null),
      () => current && setCard(null),
    );
    return () => {
      current = false;
    };
  }, [entityKey]);
  useEffect(() => back.current?.focus(), []);

  return (
    <section
      class="panel"
      aria-labelledby={card ? headingId : undefined}
      aria-label={card ? undefined : 'Entity'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <button type="button" class="panel__back" ref={back} onClick={onBack}>
        ← Back to results
      </button>
      {card === undefined && <p class="status__body">Loading…</p>}
      {card === null && <p class="status__body">This entry is no longer in your library.</p>}
      {card && <EntityCardView card={card} headingId={headingId} onOpenArticle={onOpenArticle} />}
    </section>
  );
}
