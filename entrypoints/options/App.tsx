import { useEffect, useState } from 'preact/hooks';
import { ArticleView } from './ArticleView';
import { PacksSection } from './PacksSection';

const ARTICLE_ROUTE = /^#\/articles\/(.+)$/u;

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** The options page: the library's packs, and reading one article. */
export function App() {
  const hash = useHash();
  const article = ARTICLE_ROUTE.exec(hash);
  return (
    <div class="page">
      <header class="page__header">
        <h1>Backstory</h1>
        <p class="muted">Your library of articles and the names they mention. Everything stays in this browser.</p>
      </header>
      <main>{article ? <ArticleView articleKey={decodeURIComponent(article[1]!)} /> : <PacksSection />}</main>
    </div>
  );
}
