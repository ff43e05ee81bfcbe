/**
 * Per-site "not this one": for an ambiguous name, the entities the user said a page on
 * that site never means. Stored apart from the knowledge base (content scripts may not
 * write it) and apart from the settings (it grows with use and has no UI of its own).
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
