import { isSiteEnabled, type Settings } from '../../lib/settings/settings';

/** Whether the site itself is on, the global pause aside. */
export function siteIsOn(settings: Settings, site: string): boolean {
  return isSiteEnabled({ ...settings, paused: false }, site);
}

/**
 * The site list after switching a site on or off. Switching on removes every entry that
 * covers the site (a parent domain too: otherwise the switch could not turn it on).
 */
export function withSite(disabledSites: readonly string[], site: string, on: boolean): string[] {
  if (on) return disabledSites.filter((entry) => site !== entry && !site.endsWith(`.${entry}`));
  return disabledSites.includes(site) ? [...disabledSites] : [...disabledSites, site];
}
