import { DEFAULT_SETTINGS, isSiteEnabled } from './settings';

/**
 * Whether Backstory's page script belongs in a tab showing `url`: a web page (http or
 * https) on a site the user has not turned off. The global pause does not count: a
 * paused page script stays in the tab and resumes live.
 */
export function wantsPageScript(url: string | undefined, disabledSites: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return isSiteEnabled({ ...DEFAULT_SETTINGS, disabledSites: [...disabledSites] }, parsed.hostname);
}

/** Whether a change of `disabledSites` turned any site back on (an entry left the list). */
export function sitesTurnedOn(before: readonly string[], after: readonly string[]): boolean {
  return before.some((site) => !after.includes(site));
}
