/** Reading an article out of a web page: Readability plus the page's metadata. */
export { extractArticle } from './extract-article';
export type { ExtractedArticle, ExtractResult } from './extract-article';
export { normalizeDate } from './normalize-date';
