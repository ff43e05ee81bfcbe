import { useEffect, useState } from 'preact/hooks';
import { EntityEditForm } from '../../../components/EntityEditForm';
import { getDatabase } from '../../../lib/db/database';
import { getEntityCards } from '../../../lib/kb/entity-card';
import { saveEntityEdit } from '../../../lib/kb/entity-edits';
import { formatArticleDate } from '../../../lib/text/format-date';
import { safeHttpUrl } from '../../../lib/text/safe-url';
import { articleHref, entityHref, routeHash } from '../../../lib/routes/extension-routes';
import { useLiveQuery } from '../use-live-query';
import { typeLabel } from '../../../lib/text/type-labels';
import { countOf } from '../../../lib/text/plural';

/** Articles listed on an entity page, newest first. */
const ARTICLE_LIMIT = 100;
const RELATED_LIMIT = 12;

async function loadEntity(key: string) {
  const db = getDatabase();
  const [row, edit, cards] = await Promise.all([
    db.entities.get(key),
    db.entityEdits.get(key),
    getEntityCards(db, [key], { articleLimit: ARTICLE_LIMIT, relatedLimit: RELATED_LIMIT }),
  ]);
  return row && cards[0] ? { row, edit, card: cards[0] } : null;
}

/** One entity: who or what it is, its names, the articles that mention it, related entities, and the user's edits. */
export function EntityPage({ entityKey }: { entityKey: string }) {
  const data = useLiveQuery(() => loadEntity(entityKey), [entityKey]);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' }>();
  useEffect(() => setStatus(undefined), [entityKey]);
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <p role="alert">This entity is no longer in your library.</p>;
  const { row, edit, card } = data;
  const url = safeHttpUrl(card.url);

  /** Runs a write and says how it went, beside the Save button. */
  async function withStatus(write: () => Promise<void>, done: string) {
    setStatus(undefined);
    try {
      await write();
      setStatus({ text: done, tone: 'ok' });
    } catch (error) {
      console.error('Backstory: could not save the entity', error);
      setStatus({ text: 'Could not save. Your changes are still in the form; try again.', tone: 'error' });
    }
  }

  async function save(change: { alternateName: string[]; description: string; hidden: boolean }) {
    // Only what differs from the pack is kept as an edit, so pack updates still show through.
    const sameAliases = change.alternateName.join('\n') === row.alternateName.join('\n');
    const sameDescription = change.description === (row.description ?? '');
    await saveEntityEdit(getDatabase(), row.key, {
      alternateName: sameAliases ? undefined : change.alternateName,
      description: sameDescription ? undefined : change.description,
      hidden: change.hidden || undefined,
    });
  }

  async function reset() {
    await saveEntityEdit(getDatabase(), row.key, { alternateName: undefined, description: undefined, hidden: undefined });
  }

  return (
    <article class="panel entity-page" aria-labelledby="entity-title">
      <p>
        <a href={routeHash({ name: 'entities' })}>← Entities</a>
      </p>
      <h2 id="entity-title">{card.name}</h2>
      <p class="muted">
        {[typeLabel(card.type), `from ${card.packName}`, edit?.hidden ? 'not highlighted on pages' : ''].filter(Boolean).join(' · ')}
      </p>
      {card.description && <p>{card.description}</p>}
      {card.alternateName.length > 0 && <p>Also known as: {card.alternateName.join(', ')}</p>}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            More about {card.name}
          </a>
        </p>
      )}

      <h3>
        {card.articleCount === 0 ? 'No articles mention it yet' : `Mentioned in ${countOf(card.articleCount, 'article')}`}
      </h3>
      {card.articles.length > 0 && (
        <ul class="mention-list">
          {card.articles.map((a) => (
            <li key={a.key}>
              <a href={articleHref(a.key)}>{a.headline}</a>
              <span class="muted small"> {[a.publisher, formatArticleDate(a.datePublished)].filter(Boolean).join(' · ')}</span>
              <blockquote>{a.sentence}</blockquote>
            </li>
          ))}
        </ul>
      )}
      {card.articleCount > card.articles.length && <p class="muted small">The newest {card.articles.length} are shown.</p>}

      {card.related.length > 0 && (
        <>
          <h3>Often mentioned with</h3>
          <ul class="related-list">
            {card.related.map((r) => (
              <li key={r.key}>
                <a href={entityHref(r.key)}>{r.name}</a> <span class="muted small">{typeLabel(r.type)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Your changes</h3>
      <p class="muted small">Kept apart from the pack: they stay when the pack is updated.</p>
      <EntityEditForm
        name={card.name}
        alternateName={card.alternateName}
        description={card.description}
        hidden={edit?.hidden ?? false}
        edited={edit !== undefined}
        status={status}
        onSave={(change) => void withStatus(() => save(change), 'Saved.')}
        onReset={() => void withStatus(reset, 'Back to the pack’s version.')}
        onEdit={() => status && setStatus(undefined)}
      />
    </article>
  );
}
