import { getDatabase } from '../../lib/db/database';
import { formatArticleDate } from '../../lib/text/format-date';
import { safeHttpUrl } from '../../lib/text/safe-url';
import { useLiveQuery } from './use-live-query';

/** One stored article, read as plain text inside the extension. */
export function ArticleView({ articleKey }: { articleKey: string }) {
  const article = useLiveQuery(() => getDatabase().articles.get(articleKey).then((a) => a ?? null), [articleKey]);
  if (article === undefined) return <p class="muted">Loading…</p>;
  if (article === null) return <p role="alert">This article is no longer in your library.</p>;
  const url = safeHttpUrl(article.url);
  return (
    <article class="panel reader">
      <p>
        <a href="#/">← Library</a>
      </p>
      <h2 class="reader__headline">{article.headline}</h2>
      <p class="muted">
        {[article.author.join(', '), article.publisher, formatArticleDate(article.datePublished)].filter(Boolean).join(' · ')}
      </p>
      {(article.articleBody ?? article.description ?? '').split(/\n[ \t\u00a0]*\n/u).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            Original article
          </a>
        </p>
      )}
    </article>
  );
}
