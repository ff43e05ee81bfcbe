import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EntityCardView } from '../../components/EntityCardView';
import { getDatabase } from '../../lib/db/database';
import { cardToMarkdown } from '../../lib/kb/card-markdown';
import { type EntityCard, getEntityCards, type RelatedEntity } from '../../lib/kb/entity-card';

export interface EntityPanelProps {
  entityKey: string;
  /** What Back returns to: "results", or the name of the card a related name was chosen on. */
  backTo: string;
  onBack(): void;
  onOpenArticle(articleKey: string): void;
  /** "N more articles": the full list. */
  onShowMore(card: EntityCard): void;
  /** A related name was chosen on the card named `from`. */
  onOpenRelated(entity: RelatedEntity, from: string): void;
  /** Coming back from a related entity's card: focus goes to that name on this one. */
  returnedFrom?: string;
}

/** An entity's card inside the popup (the same card as the page popover), with a way back. */
export function EntityPanel({ entityKey, backTo, onBack, onOpenArticle, onShowMore, onOpenRelated, returnedFrom }: EntityPanelProps) {
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  const headingId = useId();
  const back = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
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
  // Focus starts on Back (the control that opened the card is gone), or, coming back from
  // a related card, on the name that was chosen here, once the card is there.
  useEffect(() => {
    const name = returnedFrom && card ? panel.current?.querySelector<HTMLElement>(`[data-related-key="${CSS.escape(returnedFrom)}"]`) : undefined;
    (name ?? back.current)?.focus();
  }, [card, returnedFrom]);

  return (
    <section
      ref={panel}
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
        {`← Back to ${backTo}`}
      </button>
      {card === undefined && <p class="status__body">Loading…</p>}
      {card === null && <p class="status__body">This entry is no longer in your library.</p>}
      {card && (
        <EntityCardView
          card={card}
          headingId={headingId}
          onOpenArticle={onOpenArticle}
          onShowMore={onShowMore}
          onOpenRelated={(entity) => onOpenRelated(entity, card.name)}
          onCopyMarkdown={(shown) => navigator.clipboard.writeText(cardToMarkdown(shown)).then(() => true, () => false)}
        />
      )}
    </section>
  );
}
