import { extractArticle } from './extract-article';

/**
 * The plain text of the article in an HTML page fetched for a feed item, or undefined
 * when Readability finds no article. The page is parsed with `parser` (a DOMParser):
 * a parsed document is inert, so nothing of the page runs, loads or is styled; only its
 * markup is read. HTML string in, text out, so it can run wherever a DOMParser is.
 */
export function articleTextOfHtml(html: string, url: string, parser: DOMParser): string | undefined {
  const doc = parser.parseFromString(html, 'text/html');
  const result = extractArticle(doc, { url });
  return result.ok ? result.article.text : undefined;
}
