import { useEffect, useId, useRef } from 'preact/hooks';
import type { EntityCard, RelatedEntity } from '../lib/kb/entity-card';
import { EntityCardView } from './EntityCardView';

/** What the popover shows; `back` names the card it was reached from through a related name. */
export type PopoverContent = (
  | { status: 'loading'; name: string }
  | { status: 'ready'; cards: EntityCard[] }
  | { status: 'error'; message: string }
) & { back?: string };

export interface EntityPopoverProps {
  content: PopoverContent;
  theme: 'light' | 'dark';
  onClose(): void;
  onOpenArticle(articleKey: string): void;
  /** Writing direction of the page the popover sits on. */
  dir?: 'ltr' | 'rtl';
  /** A pinned popover stays until Esc, the close button or a click outside. */
  pinned?: boolean;
  /** 'sheet': full width at the bottom of a phone's screen, with a grip to swipe it down. */
  layout?: 'floating' | 'sheet';
  /** For "as of" dates: now, in ms since the epoch. */
  now?: number;
  /** "N more": opens the full list of articles about an entity. */
  onShowMore?(card: EntityCard): void;
  /** A related name was chosen: show its card in place. */
  onOpenRelated?(entity: RelatedEntity): void;
  /** Back to the card a related name was opened from (shown when `content.back` is set). */
  onBack?(): void;
  /** "Not this one" (several candidates) or "Don't highlight here" (one): hides it for this name on the site. */
  onDismissCandidate?(entityKey: string): void;
  /** Candidates hidden from this card just now: each shows "Hidden on SITE · Undo" instead. */
  hiddenKeys?: ReadonlySet<string>;
  onUndoDismiss?(entityKey: string): void;
  /** Hostname shown in the "turn off on this site" action; the action shows only with both. */
  site?: string;
  onDisableSite?(): void;
  /** "Copy as Markdown" on each card (only where the page's clipboard can take it). */
  onCopyMarkdown?(card: EntityCard): Promise<boolean>;
}

/** The hover popover: a labelled, non-modal dialog holding one card per candidate entity. */
export function EntityPopover(props: EntityPopoverProps) {
  const { content, theme, onClose, onOpenArticle, dir, pinned, layout, now, onShowMore, onOpenRelated, onBack, onDismissCandidate, hiddenKeys, onUndoDismiss, site, onDisableSite, onCopyMarkdown } = props;
  const headingId = useId();
  const label = content.status === 'loading' ? content.name : undefined;
  const ambiguous = content.status === 'ready' && content.cards.length > 1;
  // Candidates hidden just now show an Undo notice, not a card: they are no longer "entries".
  const shown = content.status === 'ready' ? content.cards.filter((card) => !hiddenKeys?.has(card.key)) : [];
  return (
    <div
      class="bs-popover"
      data-theme={theme}
      data-pinned={pinned ? 'true' : undefined}
      data-layout={layout === 'sheet' ? 'sheet' : undefined}
      dir={dir}
      role="dialog"
      tabIndex={-1}
      aria-labelledby={content.status === 'ready' ? headingId : undefined}
      aria-label={label ?? (content.status === 'error' ? 'Backstory' : undefined)}
    >
      {/* A sheet's grip says it can be swiped down; the close button does the same for everyone. */}
      {layout === 'sheet' && <div class="bs-popover__grip" aria-hidden="true" />}
      <div class="bs-popover__chrome">
        {/* Pinning must not move anything: the click that pins may be landing on a button. */}
        {pinned && <span class="bs-popover__pinned">Pinned</span>}
        <button type="button" class="bs-popover__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {content.back !== undefined && onBack && (
        <button type="button" class="bs-popover__back" onClick={onBack}>
          {`← Back to ${content.back}`}
        </button>
      )}
      {content.status === 'loading' && <p class="bs-popover__status">Looking up {content.name}…</p>}
      {content.status === 'error' && <p class="bs-popover__status">{content.message}</p>}
      {shown.length > 1 && <p class="bs-popover__ambiguous">This name may refer to {shown.length} entries:</p>}
      {content.status === 'ready' &&
        content.cards.map((card) =>
          hiddenKeys?.has(card.key) ? (
            <HiddenNotice key={card.key} name={card.name} site={site} onUndo={onUndoDismiss && (() => onUndoDismiss(card.key))} />
          ) : (
            <div key={card.key} class="bs-popover__candidate">
              <EntityCardView
                card={card}
                headingId={card === shown[0] ? headingId : undefined}
                onOpenArticle={onOpenArticle}
                onShowMore={onShowMore}
                onOpenRelated={onOpenRelated}
                now={now}
                onCopyMarkdown={onCopyMarkdown}
              />
              {onDismissCandidate && (
                <button
                  type="button"
                  class="bs-popover__dismiss"
                  aria-label={ambiguous ? `Not ${card.name} on this site` : `Don't highlight ${card.name} on this site`}
                  onClick={() => onDismissCandidate(card.key)}
                >
                  {ambiguous ? 'Not this one' : "Don't highlight here"}
                </button>
              )}
            </div>
          ),
        )}
      {site && onDisableSite && content.status !== 'loading' && (
        <footer class="bs-popover__footer">
          <button type="button" class="bs-popover__site" onClick={onDisableSite}>
            {`Turn off Backstory on ${site}`}
          </button>
        </footer>
      )}
    </div>
  );
}

interface HiddenNoticeProps {
  name: string;
  site: string | undefined;
  onUndo: (() => void) | undefined;
}

/** Where a card was, right after hiding it: what happened and a way back (focus lands on Undo). */
function HiddenNotice({ name, site, onUndo }: HiddenNoticeProps) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus({ preventScroll: true }), []);
  return (
    <p class="bs-popover__candidate bs-popover__hidden" role="status">
      <span>{site ? `${name}: hidden on ${site}` : `${name}: hidden on this site`}</span>
      {onUndo && (
        <>
          {' · '}
          <button ref={undo} type="button" class="bs-popover__undo" aria-label={`Undo: show ${name} again`} onClick={onUndo}>
            Undo
          </button>
        </>
      )}
    </p>
  );
}
