import { useState } from 'preact/hooks';
import type { EntityCard, RelatedEntity } from '../lib/kb/entity-card';
import { articleDateLabel } from '../lib/text/article-age';
import { formatArticleDate } from '../lib/text/format-date';
import { typeLabel } from '../lib/text/type-labels';
import { countOf, nounFor } from '../lib/text/plural';

export interface EntityCardViewProps {
  card: EntityCard;
  /** Id of the heading, so a dialog can be labelled by it. */
  headingId?: string;
  onOpenArticle(articleKey: string): void;
  /** "N more": when given, the count becomes a button that opens the full list of articles. */
  onShowMore?(card: EntityCard): void;
  /** When given, each related name is a button that opens that entity's card. */
  onOpenRelated?(entity: RelatedEntity): void;
  /** When given, dates of articles over a year older than this (ms since the epoch) read "as of …". */
  now?: number;
  /** When given, "Copy as Markdown" copies the card; resolves with whether the clipboard took it. */
  onCopyMarkdown?(card: EntityCard): Promise<boolean>;
}

/**
 * Who or what an entity is, and which stored articles mention it, newest first. Each
 * block takes the direction of its own text (`dir="auto"`): an English card on an Arabic
 * page reads, and is aligned, left to right throughout, an Arabic sentence in it right
 * to left.
 */
export function EntityCardView({ card, headingId, onOpenArticle, onShowMore, onOpenRelated, now, onCopyMarkdown }: EntityCardViewProps) {
  const [copied, setCopied] = useState<string>();
  const more = card.articleCount - card.articles.length;
  const dateOf = (iso: string | undefined) => (now === undefined ? formatArticleDate(iso) : articleDateLabel(iso, now));
  return (
    // The card takes the direction of its own text (the labels are English), whatever the page's.
    <article class="bs-card" dir="auto">
      <header class="bs-card__header">
        <h2 class="bs-card__name" id={headingId} dir="auto">
          {card.name}
        </h2>
        <span class="bs-card__type">{typeLabel(card.type)}</span>
      </header>
      {(card.description || card.dates) && (
        <p class="bs-card__description" dir="auto">
          {card.description}
          {card.dates && <span class="bs-card__dates">{card.description ? ` · ${card.dates}` : card.dates}</span>}
        </p>
      )}
      {card.links && card.links.length > 0 && (
        // Plain links opened in a new tab by the reader; nothing behind them is fetched first.
        <ul class="bs-card__links" aria-label={`Links about ${card.name}`}>
          {card.links.map((link) => (
            <li key={link.label}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <section aria-label="Articles that mention it">
        <h3 class="bs-card__section-title">
          {card.articleCount === 0
            ? 'No stored article mentions it yet'
            : `In ${countOf(card.articleCount, 'article')}`}
        </h3>
        <ol class="bs-card__articles">
          {card.articles.map((article) => (
            <li key={article.key} class="bs-card__article">
              <button type="button" class="bs-card__headline" dir="auto" onClick={() => onOpenArticle(article.key)}>
                {article.headline}
              </button>
              <div class="bs-card__meta" dir="auto">
                {[article.publisher, dateOf(article.datePublished)].filter(Boolean).join(' · ')}
              </div>
              {article.sentence && <blockquote class="bs-card__sentence" dir="auto">{article.sentence}</blockquote>}
            </li>
          ))}
        </ol>
        {more > 0 &&
          (onShowMore ? (
            <button type="button" class="bs-card__more bs-card__more--action" onClick={() => onShowMore(card)}>
              {`${more.toLocaleString()} more ${nounFor(more, 'article')}`}
            </button>
          ) : (
            <p class="bs-card__more">and {more} more</p>
          ))}
      </section>
      {card.related.length > 0 && (
        <section class="bs-card__related" aria-label="Related">
          <h3 class="bs-card__section-title">Related</h3>
          <ul>
            {card.related.map((r) => (
              <li key={r.key} dir="auto">
                {onOpenRelated ? (
                  <button type="button" class="bs-card__related-name" data-related-key={r.key} onClick={() => onOpenRelated(r)}>
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {onCopyMarkdown && (
        <p class="bs-card__copy">
          <button
            type="button"
            class="bs-card__more bs-card__more--action"
            onClick={() => void onCopyMarkdown(card).then((ok) => setCopied(ok ? 'Copied' : 'Could not copy'), () => setCopied('Could not copy'))}
          >
            Copy as Markdown
          </button>{' '}
          <span role="status">{copied}</span>
        </p>
      )}
    </article>
  );
}
