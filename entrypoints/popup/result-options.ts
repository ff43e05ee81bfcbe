import type { ResultGroup } from '../../components/SearchResultsList';
import type { SearchResults } from '../../lib/search/types';
import type { OptionAction } from './App';

export interface Options {
  groups: ResultGroup[];
  actions: Map<string, OptionAction>;
}

/** Search results as listbox groups: entities open their card, articles the reader. */
export function resultOptions(results: SearchResults): Options {
  const actions = new Map<string, OptionAction>();
  const entities = results.entities.map((hit, i) => {
    const id = `result-entity-${i}`;
    actions.set(id, { kind: 'entity', key: hit.key });
    return { id, title: hit.title, detail: hit.detail, snippet: hit.snippet };
  });
  const articles = results.articles.map((hit, i) => {
    const id = `result-article-${i}`;
    actions.set(id, { kind: 'article', key: hit.key });
    return { id, title: hit.title, detail: hit.detail, detailPlacement: 'below' as const, snippet: hit.snippet };
  });
  return {
    groups: [
      { id: 'group-entities', title: 'People, places and more', options: entities },
      { id: 'group-articles', title: 'Articles', options: articles },
    ],
    actions,
  };
}
