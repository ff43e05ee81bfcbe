/**
 * Schema v3's upgrade of a v2 library: mention rows move into their article, and the
 * full `original` copy of every entity and article shrinks to the properties no field
 * holds. Nothing the user had is lost: every mention sentence and every property of
 * the imported pack survives (tests/unit/db/migrations.test.ts).
 */
import type { Transaction } from 'dexie';
import { comparableUrl } from '../text/safe-url';
import { mentionIndexOf } from './article-mention-keys';
import { ARTICLE_ROW_FIELDS, ENTITY_ROW_FIELDS, extraProperties } from './row-fields';
import type { ArticleMention } from './rows';

/** A mention row as schemas v1 and v2 stored it. */
interface V2MentionRow {
  entityKey: string;
  articleKey: string;
  sentence: string;
  role: 'about' | 'mentions';
}

type V2Row = Record<string, unknown> & { original?: Record<string, unknown> };

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const byArticle = new Map<string, ArticleMention[]>();
  await tx.table<V2MentionRow>('mentions').each((m) => {
    const list = byArticle.get(m.articleKey) ?? [];
    list.push({ entityKey: m.entityKey, sentence: m.sentence, role: m.role });
    byArticle.set(m.articleKey, list);
  });
  await tx.table<V2Row>('entities').toCollection().modify((entity) => {
    setExtra(entity, extraProperties(entity.original ?? {}, ENTITY_ROW_FIELDS));
    delete entity.original;
  });
  await tx.table<V2Row>('articles').toCollection().modify((article) => {
    const original = article.original ?? {};
    setExtra(article, extraProperties(original, ARTICLE_ROW_FIELDS));
    delete article.original;
    // v2 stored [] for "left to the matcher"; the original says which it was.
    if (original.mentions === undefined) delete article.mentions;
    const urlKey = comparableUrl(article.url as string | undefined);
    if (urlKey) article.urlKey = urlKey;
    const mentions = byArticle.get(article.key as string) ?? [];
    article.entityMentions = mentions;
    article.mentionIndex = mentionIndexOf(mentions, (article.sortDate as string | undefined) ?? '');
  });
}

function setExtra(row: V2Row, extra: Record<string, unknown> | undefined): void {
  if (extra) row.extra = extra;
  else delete row.extra;
}
