/**
 * What the ambiguity rules did, counted per reason with a few examples, for the CLI's
 * summary and the options page's import report.
 */

/**
 * Why an alias was dropped:
 * - `not-a-name`: no letter, too long, or markup and addresses rather than a name;
 * - `duplicate`: the label or another alias again, up to case and spacing;
 * - `too-short`: one letter, or two that are not a well-known code;
 * - `two-letter-code`: two capitals ("FR", "DE") of an entity not known enough for them;
 * - `lowercase`: written all in lower case while the name has capitals; the matcher
 *   would then match it in any case ("apple" the fruit);
 * - `common-word`: an ordinary English word ("May", "Chase", "Bush") of an entity not
 *   known enough to own it;
 * - `shared`: held by more entities of the result than a reader could tell apart.
 */
export const ALIAS_DROP_REASONS = [
  'not-a-name',
  'duplicate',
  'too-short',
  'two-letter-code',
  'lowercase',
  'common-word',
  'shared',
] as const;

export type AliasDropReason = (typeof ALIAS_DROP_REASONS)[number];

/** Examples kept per reason. */
const REPORT_EXAMPLES = 5;

/** A count and the first few examples ("May (Q264766)"). */
export interface ReasonCount {
  count: number;
  examples: string[];
}

/** Aliases kept, dropped per reason, and kept only under the matcher's case rules. */
export interface AliasReport {
  kept: number;
  dropped: Record<AliasDropReason, ReasonCount>;
  /**
   * Short names and ordinary words kept for well-known entities ("UN", "Apple"): the
   * matcher's default case rules make them safe (two or three letters match in exact
   * case only; a capitalized word never matches in lower case).
   */
  restricted: ReasonCount;
}

/** An empty report. */
export function emptyAliasReport(): AliasReport {
  const dropped = {} as Record<AliasDropReason, ReasonCount>;
  for (const reason of ALIAS_DROP_REASONS) dropped[reason] = { count: 0, examples: [] };
  return { kept: 0, dropped, restricted: { count: 0, examples: [] } };
}

/** Counts one alias under a reason, keeping the first {@link REPORT_EXAMPLES} as examples. */
export function countAlias(into: ReasonCount, alias: string, entityId: string): void {
  into.count++;
  if (into.examples.length < REPORT_EXAMPLES) into.examples.push(`${alias} (${entityId})`);
}

/** Aliases dropped in all. */
export function droppedTotal(report: AliasReport): number {
  return ALIAS_DROP_REASONS.reduce((sum, reason) => sum + report.dropped[reason].count, 0);
}
