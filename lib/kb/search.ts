import type { BackstoryDatabase } from '../db/database';

export interface SearchHit {
  kind: 'entity' | 'article';
  key: string;
  title: string;
  /** Entity type, or the article's publisher and date. */
  detail: string;
  snippet?: string;
}

export interface SearchResults {
  entities: SearchHit[];
  articles: SearchHit[];
}

const DEFAULT_LIMIT = 20;

/** Lowercase, no diacritics: "Erdoğan" and "erdogan" compare equal. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * A plain substring search over entity names, aliases and article headlines, exact
 * names first. Deliberately simple: fine for small libraries; the popup issue replaces
 * it with an index.
 */
export async function searchKnowledgeBase(
  db: BackstoryDatabase,
  query: string,
  limit = DEFAULT_LIMIT,
): Promise<SearchResults> {
  const q = foldForSearch(query.trim());
  if (!q) return { entities: [], articles: [] };

  const scored: Array<{ score: number; hit: SearchHit }> = [];
  await db.entities.each((e) => {
    const name = foldForSearch(e.name);
    const aliases = e.alternateName.map(foldForSearch);
    let score = 0;
    if (name === q) score = 4;
    else if (name.startsWith(q)) score = 3;
    else if (aliases.some((a) => a === q || a.startsWith(q))) score = 2;
    else if (name.includes(q) || aliases.some((a) => a.includes(q))) score = 1;
    if (score) scored.push({ score, hit: { kind: 'entity', key: e.key, title: e.name, detail: e.type, snippet: e.description } });
  });
  scored.sort((a, b) => b.score - a.score || a.hit.title.localeCompare(b.hit.title));

  const articles: SearchHit[] = [];
  await db.articles.each((a) => {
    if (articles.length < limit && foldForSearch(a.headline).includes(q)) {
      articles.push({
        kind: 'article',
        key: a.key,
        title: a.headline,
        detail: [a.publisher, a.datePublished].filter(Boolean).join(' · '),
        snippet: a.description,
      });
    }
  });
  return { entities: scored.slice(0, limit).map((s) => s.hit), articles };
}
