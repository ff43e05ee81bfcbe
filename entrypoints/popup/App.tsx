import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ResultGroup } from '../../components/SearchResultsList';
import { SearchResultsList } from '../../components/SearchResultsList';
import { SiteControls } from '../../components/SiteControls';
import { useSettings } from '../../hooks/use-settings';
import { siteKey } from '../../lib/settings/settings';
import { EntityPanel } from './EntityPanel';
import { LibraryLossStatus } from './LibraryLossStatus';
import { NoResultsStatus } from './NoResultsStatus';
import { openArticle, openEntityPage } from './open-library';
import { type PageKind, pageKind } from './page-kind';
import { markNextFrame, RESULTS_MARK, USABLE_MARK } from './perf-marks';
import { pageOptions } from './page-options';
import { PageMentionsStatus } from './PageMentionsStatus';
import { resultOptions } from './result-options';
import { SaveThisPageContainer } from './SaveThisPageContainer';
import { FollowSiteContainer } from './FollowSiteContainer';
import type { SearchSource } from './search-source';
import { siteIsOn, withSite } from './site-switch';
import { askTab, targetTab } from './tab-client';
import { usePageMentions } from './use-page-mentions';
import { useSearch } from './use-search';
import { WelcomeNoticeContainer } from './WelcomeNoticeContainer';

export interface AppProps {
  source: SearchSource;
  /** `location.search`: `?tab=ID` targets a tab when the popup is opened as a page (tests, benchmark). */
  search: string;
}

/** What choosing an option does. */
export type OptionAction = { kind: 'entity'; key: string } | { kind: 'article'; key: string } | { kind: 'reveal'; key: string };

/** The toolbar popup: search the library, see what is on this page, switch Backstory off here. */
export function App({ source, search }: AppProps) {
  // Each opening starts empty, on the names of the page at hand: a search is a moment's question.
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string>();
  /** The entity cards opened, the last one shown: a related name opens another on top (`from`: the card below), Back returns. */
  const [openEntities, setOpenEntities] = useState<ReadonlyArray<{ key: string; from?: string }>>([]);
  const openEntity = openEntities.at(-1);
  /** The card just left through Back: its name gets focus on the card below. */
  const [returnedFrom, setReturnedFrom] = useState<string>();
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
    void source.warm().then(
      () => markNextFrame(USABLE_MARK),
      (error: unknown) => console.error('Backstory: the search index could not be loaded', error),
    );
  }, [source, search]);

  const showingResults = query.trim() !== '';
  const { groups, actions } = useMemo(
    () => (showingResults ? resultOptions(state.results) : pageOptions(mentions)),
    [showingResults, state.results, mentions],
  );
  const optionIds = useMemo(() => groups.flatMap((g: ResultGroup) => g.options.map((o) => o.id)), [groups]);

  // New results: the first is active, so Enter opens the best match. The page's list is
  // followed while open: the option the user is on stays active when the list updates.
  useLayoutEffect(
    () => setActiveId((active) => (showingResults ? optionIds[0] : active && optionIds.includes(active) ? active : undefined)),
    [optionIds, showingResults],
  );
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
    else if (action.kind === 'entity') {
      setReturnedFrom(undefined);
      setOpenEntities([{ key: action.key }]);
    }
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
    setReturnedFrom(openEntity?.key);
    setOpenEntities((open) => open.slice(0, -1));
    if (openEntities.length <= 1) requestAnimationFrame(() => input.current?.focus());
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
      <LibraryLossStatus />
      {openEntity ? (
        <EntityPanel
          key={openEntities.length}
          entityKey={openEntity.key}
          backTo={openEntity.from ?? 'results'}
          onBack={closeCard}
          onOpenArticle={openArticle}
          onShowMore={(card) => openEntityPage(card.key)}
          returnedFrom={returnedFrom}
          onOpenRelated={(entity, from) => {
            setReturnedFrom(undefined);
            setOpenEntities((open) => [...open, { key: entity.key, from }]);
          }}
        />
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
            <NoResultsStatus source={source} query={query.trim()} failed={state.failed} />
          )}
          {!showingResults && <PageMentionsStatus mentions={mentions} />}
          <SaveThisPageContainer />
          <WelcomeNoticeContainer />
          <FollowSiteContainer tabId={page?.kind === 'web' ? tab?.id : undefined} />
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
