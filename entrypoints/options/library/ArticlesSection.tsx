import { LibraryList } from '../../../components/LibraryList';
import { getDatabase } from '../../../lib/db/database';
import type { ArticleRow } from '../../../lib/db/rows';
import { articleKeys, articlesByKeys } from '../../../lib/kb/library-queries';
import { formatArticleDate } from '../../../lib/text/format-date';
import { articleHref } from '../../../lib/routes/extension-routes';
import { useLibraryList } from './use-library-list';

const ROW_PX = 64;

const fetchKeys = (query: string) => articleKeys(getDatabase(), query);
const fetchArticles = (keys: readonly string[]) => articlesByKeys(getDatabase(), keys);

/** Every article of the library, newest first, searchable, each opening in the reader. */
export function ArticlesSection() {
  const { list, row, packNames } = useLibraryList<ArticleRow>(fetchKeys, fetchArticles);

  return (
    <section class="panel" aria-labelledby="articles-title">
      <div class="panel__header">
        <h2 id="articles-title">Articles</h2>
        <a class="button button--quiet" href="#/add">
          Add an article
        </a>
      </div>
      <LibraryList
        label="Articles"
        placeholder="Headline, publisher, date or pack"
        noun={['article', 'articles']}
        {...list}
        rowPx={ROW_PX}
        rowAt={(i) => {
          const article = row(i);
          return (
            article && {
              href: articleHref(article.key),
              title: article.headline,
              meta: [article.publisher, formatArticleDate(article.datePublished), packNames?.get(article.packId)],
            }
          );
        }}
      />
    </section>
  );
}
