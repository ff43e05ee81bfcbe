/**
 * The order of the candidates of a shared name on a page's card. Context beats
 * popularity: a candidate that belongs to entities also named on the page ("Georgia"
 * the country on a page that names Tbilisi) comes before one that is merely better
 * known; among equals, the better known first; among those, the order given.
 */

export interface OrderableCandidate {
  popularity?: number;
  /** Keys of the entities this one belongs to (country, party, organization). */
  belongsTo?: readonly string[];
}

/** The candidates in card order; `onPage` holds the entity keys named on the page. */
export function orderCandidates<T extends OrderableCandidate>(candidates: readonly T[], onPage: ReadonlySet<string>): T[] {
  const context = (candidate: T) => (candidate.belongsTo ?? []).filter((key) => onPage.has(key)).length;
  return candidates
    .map((candidate, index) => ({ candidate, index, context: context(candidate) }))
    .sort((a, b) => b.context - a.context || (b.candidate.popularity ?? 0) - (a.candidate.popularity ?? 0) || a.index - b.index)
    .map(({ candidate }) => candidate);
}
