import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleView } from './ArticleView';
import { LibraryLossBanner } from './LibraryLossBanner';
import { DismissedNamesSection } from './DismissedNamesSection';
import { AddArticleSection } from './library/AddArticleSection';
import { ArticlesSection } from './library/ArticlesSection';
import { EntitiesSection } from './library/EntitiesSection';
import { EntityPage } from './library/EntityPage';
import { PacksSection } from './PacksSection';
import { ReadingSection } from './ReadingSection';
import { FeedsSection } from './FeedsSection';
import { parseRoute, routeHash, type Route } from '../../lib/routes/extension-routes';
import { SettingsSection } from './SettingsSection';
import { StorageSection } from './StorageSection';
import { useLiveQuery } from './use-live-query';
import { WikidataSection } from './wikidata/WikidataSection';
import { getDatabase } from '../../lib/db/database';
import { isWelcomeDone } from '../../lib/kb/wikidata-packs';

const NAV: ReadonlyArray<{ href: string; label: string; routes: ReadonlyArray<Route['name']> }> = [
  { href: routeHash({ name: 'packs' }), label: 'Packs', routes: ['packs'] },
  { href: routeHash({ name: 'feeds' }), label: 'Feeds', routes: ['feeds'] },
  { href: routeHash({ name: 'articles' }), label: 'Articles', routes: ['articles', 'article'] },
  { href: routeHash({ name: 'entities' }), label: 'Entities', routes: ['entities', 'entity'] },
  { href: routeHash({ name: 'add' }), label: 'Add an article', routes: ['add'] },
  { href: routeHash({ name: 'reading' }), label: 'Reading history', routes: ['reading'] },
  { href: routeHash({ name: 'settings' }), label: 'Settings', routes: ['settings'] },
  { href: routeHash({ name: 'storage' }), label: 'Storage and backup', routes: ['storage'] },
];

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** The options page: packs, the library, adding an article, settings, storage. */
export function App() {
  const route = parseRoute(useHash());
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After navigating, focus moves to the new view's content so keyboard and screen
  // reader users land where the page changed (not on the first render).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route.name, 'key' in route ? route.key : '']);

  return (
    <div class="page">
      <header class="page__header">
        <h1>Backstory</h1>
        <p class="muted">
          Your library of articles and the names they mention. Everything stays in this browser.{' '}
          <a href="/privacy.html" target="_blank">
            Privacy policy
          </a>
        </p>
        <nav aria-label="Sections">
          <ul class="nav">
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.routes.includes(route.name) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main ref={main} tabIndex={-1}>
        <LibraryLossBanner />
        <View route={route} />
      </main>
    </div>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'article':
      return <ArticleView articleKey={route.key} />;
    case 'articles':
      return <ArticlesSection />;
    case 'entity':
      return <EntityPage entityKey={route.key} />;
    case 'entities':
      return <EntitiesSection />;
    case 'add':
      return <AddArticleSection />;
    case 'settings':
      return (
        <>
          <SettingsSection />
          <DismissedNamesSection />
        </>
      );
    case 'reading':
      return <ReadingSection />;
    case 'storage':
      return <StorageSection />;
    case 'feeds':
      return <FeedsSection />;
    default:
      return <PacksView />;
  }
}

/**
 * Packs, and adding names from Wikidata: at the top for a new user until they use or
 * dismiss it (then never again), below the packs after that.
 */
function PacksView() {
  const welcomeDone = useLiveQuery(() => isWelcomeDone(getDatabase()), []);
  // Used during this visit: it stays where the reader is looking, with its report.
  const [usedHere, setUsedHere] = useState(false);
  // One keyed tree from the first render: an import started before the flag is read keeps
  // its section (and its report) when the Wikidata section then appears above or below it.
  const wikidata = welcomeDone !== undefined && <WikidataSection key="wikidata" welcome={!welcomeDone} onUsed={() => setUsedHere(true)} />;
  const top = welcomeDone === false || usedHere;
  return <>{[top && wikidata, <PacksSection key="packs" />, !top && wikidata]}</>;
}
