import type { SearchHit, SearchResults } from '../lib/kb/search';

export interface SearchResultsListProps {
  query: string;
  results: SearchResults;
  onOpenArticle(articleKey: string): void;
}

/** Search results grouped as entities, then articles. */
export function SearchResultsList({ query, results, onOpenArticle }: SearchResultsListProps) {
  if (!query.trim()) return <p class="results__hint">Type a name or a few words of a headline.</p>;
  if (results.entities.length === 0 && results.articles.length === 0) {
    return <p class="results__hint">Nothing in your library matches “{query.trim()}”.</p>;
  }
  return (
    <div class="results">
      <ResultGroup title="Entities" hits={results.entities} />
      <ResultGroup title="Articles" hits={results.articles} onOpen={onOpenArticle} />
    </div>
  );
}

function ResultGroup({ title, hits, onOpen }: { title: string; hits: SearchHit[]; onOpen?: (key: string) => void }) {
  if (hits.length === 0) return null;
  return (
    <section class="results__group" aria-label={title}>
      <h2 class="results__title">{title}</h2>
      <ul class="results__list">
        {hits.map((hit) => (
          <li key={hit.key} class="results__item">
            {onOpen ? (
              <button type="button" class="results__name results__name--link" onClick={() => onOpen(hit.key)}>
                {hit.title}
              </button>
            ) : (
              <span class="results__name">{hit.title}</span>
            )}
            <span class="results__detail">{hit.detail}</span>
            {hit.snippet && <p class="results__snippet">{hit.snippet}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
