/**
 * Per-site "not this one" / "don't highlight here": for a name, the entities the user
 * said a page on that site never means. Stored apart from the knowledge base (content
 * scripts may not write it) and apart from the settings (it grows with use); listed,
 * and removable, in the options page's settings.
 */

/** Site key → dismissed pairs, each `folded name` + NUL + `entity key`. */
export type SiteDismissals = Record<string, string[]>;

/** Pairs remembered per site; the oldest go first beyond this. */
export const MAX_DISMISSALS_PER_SITE = 500;
/** Sites remembered; the ones dismissed least recently go first beyond this. */
const MAX_DISMISSAL_SITES = 1000;

/** The form a name is compared in: case and surrounding space do not matter. */
function foldName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
}

function pairKey(text: string, entityKey: string): string {
  return `${foldName(text)}\u0000${entityKey}`;
}

/** A copy of `all` with the pair added for `site` (most recent last, bounded). */
export function addDismissal(all: SiteDismissals, site: string, text: string, entityKey: string): SiteDismissals {
  const key = pairKey(text, entityKey);
  const current = (all[site] ?? []).filter((k) => k !== key);
  const next: SiteDismissals = { ...all };
  delete next[site];
  next[site] = [...current, key].slice(-MAX_DISMISSALS_PER_SITE);
  const sites = Object.keys(next);
  for (const old of sites.slice(0, Math.max(0, sites.length - MAX_DISMISSAL_SITES))) delete next[old];
  return next;
}

/** The candidates of a name on a site, minus the dismissed ones. */
export function filterDismissed(
  dismissed: ReadonlySet<string>,
  text: string,
  entityKeys: readonly string[],
): readonly string[] {
  if (dismissed.size === 0) return entityKeys;
  const folded = foldName(text);
  return entityKeys.filter((key) => !dismissed.has(`${folded}\u0000${key}`));
}

/** The dismissed pairs of one site, for `filterDismissed`. */
export function dismissalsOf(all: SiteDismissals | null | undefined, site: string): ReadonlySet<string> {
  const list = all && typeof all === 'object' ? all[site] : undefined;
  return new Set(Array.isArray(list) ? list.filter((k) => typeof k === 'string') : []);
}

/** A copy of `all` without the pair for `site` (a site left with none is dropped). */
export function removeDismissal(all: SiteDismissals, site: string, text: string, entityKey: string): SiteDismissals {
  const key = pairKey(text, entityKey);
  const current = all[site];
  if (!Array.isArray(current) || !current.includes(key)) return all;
  const next: SiteDismissals = { ...all };
  const kept = current.filter((k) => k !== key);
  if (kept.length > 0) next[site] = kept;
  else delete next[site];
  return next;
}

/** One remembered choice, as the options page lists it. */
export interface Dismissal {
  site: string;
  /** The name as compared (folded: lower case, single spaces). */
  name: string;
  entityKey: string;
}

/** Every remembered choice, by site (sorted), most recent first within a site. */
export function listDismissals(all: SiteDismissals | null | undefined): Dismissal[] {
  if (!all || typeof all !== 'object') return [];
  return Object.keys(all)
    .toSorted()
    .flatMap((site) => {
      const list = all[site];
      if (!Array.isArray(list)) return [];
      return list
        .filter((pair): pair is string => typeof pair === 'string' && pair.includes('\u0000'))
        .map((pair) => {
          const at = pair.indexOf('\u0000');
          return { site, name: pair.slice(0, at), entityKey: pair.slice(at + 1) };
        })
        .toReversed();
    });
}
