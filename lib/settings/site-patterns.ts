/**
 * Turns the `disabledSites` setting into match patterns for the content script's
 * `excludeMatches`, so on those sites the script is not injected at all.
 */

/** A hostname made only of what a match pattern's host part allows. */
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/u;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/u;

/**
 * Match patterns excluding each site and its subdomains. Entries that are not plain
 * hostnames are left out: one invalid pattern would make the whole registration fail,
 * and Backstory would then run nowhere.
 */
export function excludeMatchesFor(sites: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const raw of sites) {
    const site = raw.trim().toLowerCase();
    if (!HOSTNAME.test(site)) continue;
    patterns.add(`*://${site}/*`);
    if (!IPV4.test(site)) patterns.add(`*://*.${site}/*`);
  }
  return [...patterns].sort();
}
