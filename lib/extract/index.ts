/** Reading an article out of a web page: Readability plus the page's metadata. */
export { extractArticle, MIN_ARTICLE_CHARS } from './extract-article';
export type { ExtractedArticle, ExtractOptions, ExtractResult } from './extract-article';
export { readPageMetadata } from './metadata';
export type { PageMetadata } from './metadata';
export { normalizeDate } from './normalize-date';
export { blockParagraphs } from './block-text';
