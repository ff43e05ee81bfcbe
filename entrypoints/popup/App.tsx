import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SearchResultsList } from '../../components/SearchResultsList';
import { getDatabase } from '../../lib/db/database';
import { searchKnowledgeBase, type SearchResults } from '../../lib/kb/search';
import { SaveThisPageContainer } from './SaveThisPageContainer';

const EMPTY: SearchResults = { entities: [], articles: [] };

function openArticle(key: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#/articles/${encodeURIComponent(key)}`) });
}

/** The toolbar popup: search the knowledge base; a way to the options page. */
export function App() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults>(EMPTY);

  useEffect(() => {
    let current = true;
    // The newest query wins: an older, slower answer is dropped.
    searchKnowledgeBase(getDatabase(), query)
      .then((r) => current && setResults(r))
      .catch((error: unknown) => console.error('Backstory: search failed', error));
    return () => {
      current = false;
    };
  }, [query]);

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">Backstory</h1>
        <button type="button" class="popup__link" onClick={() => void browser.runtime.openOptionsPage()}>
          Manage library
        </button>
      </header>
      <label class="popup__search">
        <span class="visually-hidden">Search your library</span>
        <input
          type="search"
          placeholder="Search people, places, articles…"
          value={query}
          autoFocus
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <SearchResultsList query={query} results={results} onOpenArticle={openArticle} />
      <SaveThisPageContainer />
    </main>
  );
}
