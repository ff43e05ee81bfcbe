import { getDatabase } from '../../lib/db/database';
import { articleParagraphs, linkArticleText } from '../../lib/kb/article-links';
import { deleteArticle } from '../../lib/kb/user-pack';
import { formatArticleDate } from '../../lib/text/format-date';
import { safeHttpUrl } from '../../lib/text/safe-url';
import { entityHref, routeHash } from '../../lib/routes/extension-routes';
import { useLiveQuery } from './use-live-query';

async function loadArticle(key: string) {
  const db = getDatabase();
  const article = await db.articles.get(key);
  if (!article) return null;
  const paragraphs = articleParagraphs(article.articleBody ?? article.description ?? '');
  const [runs, pack] = await Promise.all([linkArticleText(db, key, paragraphs), db.packs.get(article.packId)]);
  return { article, runs, packName: pack?.name ?? article.packId };
}

/** One stored article, read as plain text inside the extension, its known names linked to their entity pages. */
export function ArticleView({ articleKey }: { articleKey: string }) {
  const data = useLiveQuery(() => loadArticle(articleKey), [articleKey]);
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) {
    return (
      <p role="alert">
        This article is no longer in your library. <a href={routeHash({ name: 'articles' })}>All articles</a>
      </p>
    );
  }
  const { article, runs, packName } = data;
  const url = safeHttpUrl(article.url);

  async function remove() {
    if (!confirm(`Delete “${article.headline}” from your library?`)) return;
    await deleteArticle(getDatabase(), article.key);
    location.hash = routeHash({ name: 'articles' });
  }

  return (
    <article class="panel reader" aria-labelledby="reader-headline">
      <p>
        <a href={routeHash({ name: 'articles' })}>← Articles</a>
      </p>
      <h2 id="reader-headline" class="reader__headline">
        {article.headline}
      </h2>
      <p class="muted">
        {[article.author.join(', '), article.publisher, formatArticleDate(article.datePublished), packName].filter(Boolean).join(' · ')}
      </p>
      {runs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((run, j) =>
            run.entityKey ? (
              <a key={j} class="reader__mention" href={entityHref(run.entityKey)}>
                {run.text}
              </a>
            ) : (
              run.text
            ),
          )}
        </p>
      ))}
      <p class="button-row">
        {url && (
          <a class="button button--quiet" href={url} target="_blank" rel="noopener noreferrer">
            Original article
          </a>
        )}
        <button type="button" class="button button--quiet" onClick={() => void remove()}>
          Delete article
        </button>
      </p>
    </article>
  );
}
