import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupStatus } from '../../components/PopupStatus';
import type { ResultGroup } from '../../components/SearchResultsList';
import { SearchResultsList } from '../../components/SearchResultsList';
import { SiteControls } from '../../components/SiteControls';
import { useSettings } from '../../hooks/use-settings';
import { MAX_QUERY_CHARS } from '../../lib/search/query';
import { siteKey } from '../../lib/settings/settings';
import { EntityPanel } from './EntityPanel';
import { loadLastQuery, saveLastQuery } from './last-query';
import { openArticle } from './open-article';
import { type PageKind, pageKind } from './page-kind';
import { markNextFrame, RESULTS_MARK, USABLE_MARK } from './perf-marks';
import { pageOptions } from './page-options';
import { PageMentionsStatus } from './PageMentionsStatus';
import { resultOptions } from './result-options';
import { SaveThisPageContainer } from './SaveThisPageContainer';
import type { SearchSource } from './search-source';
import { siteIsOn, withSite } from './site-switch';
import { askTab, targetTab } from './tab-client';
import { usePageMentions } from './use-page-mentions';
import { useSearch } from './use-search';

export interface AppProps {
  source: SearchSource;
  /** `location.search`: `?tab=ID` targets a tab when the popup is opened as a page (tests, benchmark); `?q=` starts a search. */
  search: string;
}

/** What choosing an option does. */
export type OptionAction = { kind: 'entity'; key: string } | { kind: 'article'; key: string } | { kind: 'reveal'; key: string };

/** The toolbar popup: search the library, see what is on this page, switch Backstory off here. */
export function App({ source, search }: AppProps) {
  const [query, setQuery] = useState('');
  const [restored, setRestored] = useState(false);
  const [activeId, setActiveId] = useState<string>();
  const [openEntity, setOpenEntity] = useState<string>();
  const [tab, setTab] = useState<{ id: number; url?: string } | null>();
  const input = useRef<HTMLInputElement>(null);
  const listboxId = useId();
  const [settings, changeSettings] = useSettings();
  const state = useSearch(source, query);
  const inPage = new URLSearchParams(search).has('tab');

  const page: PageKind | undefined = useMemo(() => (tab === undefined ? undefined : pageKind(tab?.url, siteKey)), [tab]);
  const mentions = usePageMentions(tab?.id, page, settings);

  useEffect(() => {
    void targetTab().then((t) => setTab(t ?? null), () => setTab(null));
    // `?q=` (the popover's "search for more" opens the popup as a tab) wins over the last query.
    const asked = new URLSearchParams(search).get('q')?.slice(0, MAX_QUERY_CHARS);
    void (asked ? Promise.resolve(asked) : loadLastQuery()).then((initial) => {
      setQuery((typed) => typed || initial);
      setRestored(true);
    });
    void source.warm().then(
      () => markNextFrame(USABLE_MARK),
      (error: unknown) => console.error('Backstory: the search index could not be loaded', error),
    );
  }, [source, search]);

  // A remembered query comes back selected, so typing replaces it.
  useEffect(() => {
    if (restored) input.current?.select();
  }, [restored]);

  useEffect(() => {
    if (restored) saveLastQuery(query);
  }, [query, restored]);

  const showingResults = query.trim() !== '';
  const { groups, actions } = useMemo(
    () => (showingResults ? resultOptions(state.results) : pageOptions(mentions)),
    [showingResults, state.results, mentions],
  );
  const optionIds = useMemo(() => groups.flatMap((g: ResultGroup) => g.options.map((o) => o.id)), [groups]);

  // New results: the first is active, so Enter opens the best match.
  useLayoutEffect(() => setActiveId(showingResults ? optionIds[0] : undefined), [optionIds, showingResults]);
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  // In a layout effect: the mark is then set in the frame that paints these results.
  useLayoutEffect(() => {
    if (showingResults && !state.pending) markNextFrame(RESULTS_MARK, state.query);
  }, [state, showingResults]);

  function choose(optionId: string | undefined): void {
    const action = optionId ? actions.get(optionId) : undefined;
    if (!action) return;
    if (action.kind === 'article') openArticle(action.key);
    else if (action.kind === 'entity') setOpenEntity(action.key);
    else if (tab) {
      void askTab(tab.id, 'tab.reveal', { entityKey: action.key }).then(
        ({ found }) => found && !inPage && window.close(),
        () => undefined,
      );
    }
  }

  function onKeyDown(e: KeyboardEvent): void {
    const at = activeId ? optionIds.indexOf(activeId) : -1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (optionIds.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : optionIds.length - 1) : (at + step + optionIds.length) % optionIds.length;
      setActiveId(optionIds[next]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(activeId);
    } else if (e.key === 'Escape' && query) {
      // The first Esc clears the box; the next one closes the popup (the browser's own).
      e.preventDefault();
      setQuery('');
    }
  }

  function closeCard(): void {
    setOpenEntity(undefined);
    requestAnimationFrame(() => input.current?.focus());
  }

  const site = page?.kind === 'web' ? page.site : undefined;

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">Backstory</h1>
        <button type="button" class="popup__link" onClick={() => void browser.runtime.openOptionsPage()}>
          Manage library
        </button>
      </header>
      {openEntity ? (
        <EntityPanel entityKey={openEntity} onBack={closeCard} onOpenArticle={openArticle} />
      ) : (
        <>
          <div class="popup__search">
            <input
              ref={input}
              type="search"
              role="combobox"
              // Preact types a combobox input with `list`; there is no datalist, the listbox below is ours.
              list={undefined}
              aria-label="Search your library"
              aria-expanded={optionIds.length > 0}
              aria-controls={listboxId}
              aria-autocomplete="list"
              aria-activedescendant={activeId}
              placeholder="Search people, places, articles…"
              autoComplete="off"
              spellcheck={false}
              value={query}
              autoFocus
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={onKeyDown}
            />
          </div>
          <SearchResultsList
            id={listboxId}
            label={showingResults ? 'Search results' : 'On this page'}
            groups={groups}
            activeId={activeId}
            onChoose={choose}
            onActivate={setActiveId}
          />
          {showingResults && !state.pending && optionIds.length === 0 && (
            <PopupStatus title={state.failed ? 'Search is not available right now' : `Nothing in your library matches “${query.trim()}”`}>
              {state.failed ? 'Close the popup and open it again.' : 'Try fewer letters, or another spelling.'}
            </PopupStatus>
          )}
          {!showingResults && <PageMentionsStatus mentions={mentions} />}
          <SaveThisPageContainer />
        </>
      )}
      {settings && (
        <footer class="popup__footer">
          <SiteControls
            site={site}
            siteEnabled={site ? siteIsOn(settings, site) : false}
            paused={settings.paused}
            onSiteEnabledChange={(on) => site && void changeSettings({ disabledSites: withSite(settings.disabledSites, site, on) })}
            onPausedChange={(paused) => void changeSettings({ paused })}
          />
        </footer>
      )}
    </main>
  );
}
