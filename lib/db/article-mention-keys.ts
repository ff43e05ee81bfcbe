/**
 * The `mentionIndex` of article rows (schema v3): one string per mentioned entity,
 * `entityKey`, a separator, then the article's sort date. A range over one entity's
 * strings lists its articles by date; read in reverse, newest first, undated last.
 */
import type { ArticleMention, ArticleRow, RowKey } from './rows';

/** Sorts before every character a key may hold (ids have no control characters), so "p/e1" never mixes with "p/e10". */
const SEPARATOR = '\u0000';
/** Sorts after every character of an ISO 8601 date. */
const AFTER_ANY_DATE = '\uffff';

function mentionIndexKey(entityKey: RowKey, sortDate: string): string {
  return `${entityKey}${SEPARATOR}${sortDate}`;
}

/** Bounds (inclusive) of one entity's entries. */
export function mentionIndexRange(entityKey: RowKey): [string, string] {
  return [mentionIndexKey(entityKey, ''), mentionIndexKey(entityKey, AFTER_ANY_DATE)];
}

/** The index entries of an article with these mentions. */
export function mentionIndexOf(mentions: readonly ArticleMention[], sortDate: string): string[] {
  return mentions.map((m) => mentionIndexKey(m.entityKey, sortDate));
}

/** The article with these mentions, its index entries made to match. */
export function withMentions<T extends Omit<ArticleRow, 'entityMentions' | 'mentionIndex'>>(
  article: T,
  mentions: readonly ArticleMention[],
): T & Pick<ArticleRow, 'entityMentions' | 'mentionIndex'> {
  const sortDate = article.sortDate ?? article.datePublished ?? '';
  return {
    ...article,
    entityMentions: [...mentions],
    mentionIndex: mentionIndexOf(mentions, sortDate),
  };
}
