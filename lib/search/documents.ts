import type { ArticleRow, EntityRow } from '../db/rows';
import { foldText } from '../text/fold';
import { type ArticleResultRow, articleResultRow, type EntityResultRow, entityResultRow } from './result-rows';

/** One searchable thing. Entities fill `name`, `aliases` and `description`, articles `headline` and `body`. */
export interface SearchDocument {
  /** `e:KEY` or `a:KEY`: entity and article keys could collide. */
  id: string;
  kind: 'entity' | 'article';
  key: string;
  packId: string;
  /** The name or the headline. */
  title: string;
  name?: string;
  aliases?: string;
  /** An entity's one-line description ("President of Kazakhstan"): found, ranked below its names. */
  description?: string;
  headline?: string;
  body?: string;
  /** Folded aliases joined by ALIAS_SEPARATOR, to rank an exact alias above a partial name. */
  aliasKeys?: string;
  /** What showing this document as a result needs (kept in memory beside the index, not indexed). */
  shown: EntityResultRow | ArticleResultRow;
}

export const ALIAS_SEPARATOR = '\u001f';

function documentId(kind: SearchDocument['kind'], key: string): string {
  return `${kind === 'entity' ? 'e' : 'a'}:${key}`;
}

export function entityDocument(row: EntityRow): SearchDocument {
  return {
    id: documentId('entity', row.key),
    kind: 'entity',
    key: row.key,
    packId: row.packId,
    title: row.name,
    name: row.name,
    aliases: row.alternateName.join(' \n '),
    aliasKeys: row.alternateName.map(normalizedPhrase).join(ALIAS_SEPARATOR),
    description: row.description,
    shown: entityResultRow(row),
  };
}

export function articleDocument(row: ArticleRow): SearchDocument {
  return {
    id: documentId('article', row.key),
    kind: 'article',
    key: row.key,
    packId: row.packId,
    title: row.headline,
    headline: row.headline,
    // The summary is part of what a reader remembers of an article.
    body: [row.description, row.articleBody].filter(Boolean).join('\n\n'),
    shown: articleResultRow(row),
  };
}

/** A phrase folded with its whitespace collapsed: how exact names and aliases are compared. */
export function normalizedPhrase(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
