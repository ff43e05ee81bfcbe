/** The library both search indexes are tried on (in memory: search-index.test.ts; in IndexedDB: term-index.test.ts). */
import type { ArticleRow, EntityRow } from '../../../lib/db/rows';

export function entity(id: string, name: string, alternateName: string[] = [], type = 'Person', description?: string): EntityRow {
  return { key: `p/${id}`, packId: 'p', id, name, type, alternateName, sameAs: [], ...(description ? { description } : {}) };
}

function article(id: string, headline: string, articleBody = ''): ArticleRow {
  return { key: `p/${id}`, packId: 'p', id, headline, articleBody, author: [], about: [], keywords: [], entityMentions: [], mentionIndex: [] };
}

export const ENTITIES = [
  entity('putin', 'Vladimir Putin', ['Putin', 'Vladimir Vladimirovich Putin']),
  entity('surkov', 'Vladislav Surkov', ['Surkov']),
  entity('vladivostok', 'Vladivostok', [], 'Place'),
  entity('erdogan', 'Recep Tayyip Erdoğan', ['Erdoğan']),
  entity('emine', 'Emine Erdoğan'),
  entity('sco', 'Shanghai Cooperation Organisation', ['SCO'], 'Organization'),
  entity('sco-street', 'Sco Street', [], 'Place'),
  entity('astana', 'Astana', ['Nur-Sultan'], 'Place'),
  entity('eu', 'European Union', ['EU'], 'Organization'),
];

export const ARTICLES = [
  article('body-only', 'Leaders gather for the summit', 'The meeting in Astana drew leaders from the region.'),
  article('headline', 'Astana hosts the SCO summit', 'Leaders met.'),
  article('other', 'Grain prices rise', 'Farmers expect a good harvest.'),
];

export const LIMITS = { entities: 10, articles: 10 };

/**
 * Typos both indexes forgive (one per word), with the entity found first: a letter
 * changed, dropped or added anywhere, the first half included ("ardogan"), and two
 * neighbouring letters swapped ("putni"); and one they do not (two swaps).
 */
export const TYPO_CASES: ReadonlyArray<{ query: string; first: string | undefined }> = [
  { query: 'ardogan', first: 'erdogan' },
  { query: 'xurkov', first: 'surkov' },
  { query: 'putni', first: 'putin' },
  { query: 'vladimir putni', first: 'putin' },
  { query: 'edrogan', first: 'erdogan' },
  { query: 'usrkov', first: 'surkov' },
  { query: 'astaan', first: 'astana' },
  { query: 'vladivotsok', first: 'vladivostok' },
  { query: 'edrgoan', first: undefined },
];
