import type { ExtractedArticle } from '../../lib/extract';
import type { PackArticle } from '../../lib/pack';

/** An extracted article as a pack article; the id is given later, when all ids are known. */
export function articleFromExtracted(article: ExtractedArticle): PackArticle {
  return withoutEmpty({
    id: '',
    headline: article.headline,
    url: article.url,
    author: article.author.length > 0 ? article.author : undefined,
    publisher: article.publisher,
    datePublished: article.datePublished,
    inLanguage: article.inLanguage,
    description: article.description,
    articleBody: article.text,
  }) as PackArticle;
}

/** The object without its undefined properties: JSON leaves them out anyway, the validator would not. */
export function withoutEmpty<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
