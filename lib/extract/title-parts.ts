/**
 * A page's `<title>` usually joins the headline and the site's name ("Daily Ledger —
 * Leaders gather…", "Leaders gather… | Daily Ledger"). These helpers take the two apart.
 */
import { foldText } from '../text/fold';

/** The separators sites put between a headline and their name. */
const SEPARATOR = String.raw`(?:[|—–\-:·•»/]|::)`;
const LEADING_SEPARATOR = new RegExp(String.raw`^\s*${SEPARATOR}\s+`, 'u');
const TRAILING_SEPARATOR = new RegExp(String.raw`\s+${SEPARATOR}\s*$`, 'u');
const ANY_SEPARATOR = new RegExp(String.raw`\s+${SEPARATOR}\s+`, 'gu');
/** A site's name is short; a longer remainder is part of the headline. */
const MAX_SITE_NAME_WORDS = 6;

/**
 * `title` without the site's name at its start or end. `siteNames` are the names the
 * page gives itself (og:site_name, JSON-LD publisher); `heading` is the page's `<h1>`,
 * which is the headline outright when the title is it plus a site name.
 */
export function stripSiteName(title: string, siteNames: readonly string[], heading?: string): string {
  if (heading && siteNameAround(title, heading)) return heading;
  const folded = new Set(siteNames.map(foldText));
  const separators = [...title.matchAll(ANY_SEPARATOR)];
  const first = separators[0];
  const last = separators.at(-1);
  if (last && folded.has(foldText(title.slice(last.index + last[0].length)))) return title.slice(0, last.index).trim();
  if (first && folded.has(foldText(title.slice(0, first.index)))) return title.slice(first.index + first[0].length).trim();
  return title;
}

/** What `title` says besides `headline`, when that is a site name set off by a separator ("Daily Ledger"). */
export function siteNameAround(title: string, headline: string): string | undefined {
  const at = title.indexOf(headline);
  if (at < 0 || !headline) return undefined;
  const before = title.slice(0, at);
  const after = title.slice(at + headline.length);
  let name: string | undefined;
  if (before.trim() && !after.trim() && TRAILING_SEPARATOR.test(before)) name = before.replace(TRAILING_SEPARATOR, '');
  if (after.trim() && !before.trim() && LEADING_SEPARATOR.test(after)) name = after.replace(LEADING_SEPARATOR, '');
  name = name?.trim();
  return name && name.split(/\s+/u).length <= MAX_SITE_NAME_WORDS ? name : undefined;
}
