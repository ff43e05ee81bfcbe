import type { BackstoryDatabase } from '../db/database';
import { compileMatcher } from '../matcher';
import { editsByKey, withEdit } from './entity-edits';
import { entityPatterns } from './matcher-patterns';

/** A run of article text: plain, or a mention of an entity the article is linked to. */
export interface TextRun {
  text: string;
  entityKey?: string;
}

/**
 * Splits an article's paragraphs into runs, marking the names of the entities the
 * article mentions (its `entityMentions`), so the reader can link each to its entity page.
 * Only the article's own entities are matched: a small matcher built on the spot.
 */
export async function linkArticleText(db: BackstoryDatabase, articleKey: string, paragraphs: readonly string[]): Promise<TextRun[][]> {
  const article = await db.articles.get(articleKey);
  const mentionKeys = [...new Set((article?.entityMentions ?? []).map((m) => m.entityKey))];
  const [rows, edits] = await Promise.all([db.entities.bulkGet(mentionKeys), editsByKey(db)]);
  const patterns = rows.flatMap((row) => (row ? entityPatterns(withEdit(row, edits.get(row.key)), edits.get(row.key)) : []));
  if (patterns.length === 0) return paragraphs.map((text) => [{ text }]);
  const matcher = compileMatcher(patterns);
  return paragraphs.map((text) => {
    const runs: TextRun[] = [];
    let at = 0;
    for (const span of matcher.scan(text)) {
      if (span.start > at) runs.push({ text: text.slice(at, span.start) });
      runs.push({ text: text.slice(span.start, span.end), entityKey: span.entityKeys[0] });
      at = span.end;
    }
    if (at < text.length) runs.push({ text: text.slice(at) });
    return runs;
  });
}

/** An article body's paragraphs: separated by a blank line (which may hold spaces). */
export function articleParagraphs(body: string): string[] {
  return body.split(/\n[ \t\u00a0]*\n/u).map((p) => p.trim()).filter(Boolean);
}
