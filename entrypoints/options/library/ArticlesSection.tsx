import { useState } from 'preact/hooks';
import { SearchField } from '../../../components/SearchField';
import { VirtualList } from '../../../components/VirtualList';
import { getDatabase } from '../../../lib/db/database';
import type { ArticleRow } from '../../../lib/db/rows';
import { articleKeys, articlesByKeys } from '../../../lib/kb/library-queries';
import { formatArticleDate } from '../../../lib/text/format-date';
import { articleHref } from '../../../lib/routes/extension-routes';
import { useLiveQuery } from '../use-live-query';
import { useDebounced } from './use-debounced';
import { usePagedRows } from './use-paged-rows';
import { countOf } from '../../../lib/text/plural';

const SEARCH_PAUSE_MS = 150;
const ROW_PX = 64;

const fetchArticles = (keys: readonly string[]) => articlesByKeys(getDatabase(), keys);

/** Every article of the library, newest first, searchable, each opening in the reader. */
export function ArticlesSection() {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, SEARCH_PAUSE_MS);
  const keys = useLiveQuery(() => articleKeys(getDatabase(), settled), [settled]);
  const packNames = useLiveQuery(async () => new Map((await getDatabase().packs.toArray()).map((p) => [p.id, p.name])), []);
  const { row, onRangeChange } = usePagedRows<ArticleRow>(keys, fetchArticles);
  const count = keys?.length ?? 0;

  return (
    <section class="panel" aria-labelledby="articles-title">
      <div class="panel__header">
        <h2 id="articles-title">Articles</h2>
        <a class="button button--quiet" href="#/add">
          Add an article
        </a>
      </div>
      <SearchField
        label="Search articles"
        placeholder="Headline, publisher, date or pack"
        value={query}
        onInput={setQuery}
        resultText={keys === undefined ? 'Searching…' : countOf(count, 'article')}
      />
      {keys !== undefined && count > 0 && (
        <VirtualList
          count={count}
          label="Articles"
          estimateRowPx={ROW_PX}
          onRangeChange={onRangeChange}
          renderRow={(i) => {
            const article = row(i);
            if (!article) return <p class="muted">Loading…</p>;
            return (
              <div class="library-row">
                <a href={articleHref(article.key)} class="library-row__title">
                  {article.headline}
                </a>
                <p class="library-row__meta">
                  {[article.publisher, formatArticleDate(article.datePublished), packNames?.get(article.packId)].filter(Boolean).join(' · ')}
                </p>
              </div>
            );
          }}
        />
      )}
    </section>
  );
}
