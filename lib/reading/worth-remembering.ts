/**
 * Which read pages "Remember what I read" keeps: articles, as the issue asks ("an article
 * page, as Readability judges it"). "Save this page" keeps whatever the user asks for;
 * remembering acts on its own, so it is stricter: a site's front page, a list of links or
 * a two-line brief is read for a while too, and is not an article.
 */
import type { ExtractedArticle } from '../extract';

/** Shorter than this, the text is a brief or a teaser (a short news story is 1,500 characters). */
export const MIN_REMEMBERED_CHARS = 600;
/** A site's front page, by its path. */
const FRONT_PAGE = /^\/(?:(?:index|default|home)(?:\.\w+)?)?$/iu;

/** A page that says it is an article is one, however short; else Readability's judgement and an article's length. */
export function worthRemembering(article: ExtractedArticle, pageUrl: string): boolean {
  if (FRONT_PAGE.test(new URL(pageUrl).pathname)) return false;
  return article.declaresArticle === true || (article.readerable && article.text.length >= MIN_REMEMBERED_CHARS);
}
