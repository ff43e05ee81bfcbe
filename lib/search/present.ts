import { formatArticleDate } from '../text/format-date';
import { markTerms, snippetAround } from './marks';
import type { ArticleResultRow, EntityResultRow, ResultRows } from './result-rows';
import type { RankedHit, RankedResults } from './ranking';
import type { SearchHit, SearchResults } from './types';
import { typeLabel } from '../text/type-labels';

/**
 * What the popup shows for ranked results: names and headlines with the matching words
 * marked, an entity's alias when that is what matched, and the article text around the
 * match. Results whose row is gone (a pack removed a moment ago) are left out.
 */
export function presentResults(ranked: RankedResults, rows: ResultRows): SearchResults {
  return {
    entities: ranked.entities.flatMap((hit) => {
      const row = rows.entities.get(hit.key);
      return row ? [presentEntity(hit, row)] : [];
    }),
    articles: ranked.articles.flatMap((hit) => {
      const row = rows.articles.get(hit.key);
      return row ? [presentArticle(hit, row)] : [];
    }),
  };
}

function presentEntity(hit: RankedHit, row: EntityResultRow): SearchHit {
  const terms = new Set(hit.terms);
  const title = markTerms(row.name, terms);
  const alias = title.marks.length === 0 ? row.alternateName.map((a) => markTerms(a, terms)).find((m) => m.marks.length > 0) : undefined;
  return {
    kind: 'entity',
    key: row.key,
    title,
    detail: typeLabel(row.type),
    snippet: alias ? prefixed('Also known as ', alias) : row.description ? markTerms(row.description, terms) : undefined,
  };
}

function presentArticle(hit: RankedHit, row: ArticleResultRow): SearchHit {
  const terms = new Set(hit.terms);
  const text = [row.description, row.articleBody].filter(Boolean).join('\n\n');
  return {
    kind: 'article',
    key: row.key,
    title: markTerms(row.headline, terms),
    detail: [row.publisher, formatArticleDate(row.datePublished)].filter(Boolean).join(' · '),
    snippet: snippetAround(text, terms) ?? (row.description ? markTerms(row.description, new Set()) : undefined),
  };
}

function prefixed(prefix: string, marked: { text: string; marks: Array<[number, number]> }) {
  return { text: prefix + marked.text, marks: marked.marks.map(([s, e]): [number, number] => [s + prefix.length, e + prefix.length]) };
}
