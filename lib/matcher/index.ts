/**
 * The entity matcher: finds known names in text. Matching rules and budgets: docs/architecture.md and README.md.
 *
 * Rules, in short: whole words by Unicode letter/digit/mark classes (scripts
 * written without spaces need no boundaries); leftmost-longest; a possessive
 * "'s" after a name is left out of the span; whitespace runs and hyphen and
 * apostrophe variants are equivalent; case and diacritics are folded, with the
 * case rules of case-rules.ts; exclude phrases suppress matches inside them.
 */
import { compileData, compileSteps } from './compile';
import { fromSnapshot } from './matcher-data';
import { FlatMatcher } from './scanner';
import { runStepsAsync, type StepOptions } from './steps';
import type { Matcher, MatcherPattern, MatcherSnapshot } from './types';

export type { MatcherPattern, Matcher, MatcherSnapshot } from './types';
export type { StepOptions } from './steps';

/** Compiles names into a matcher. Empty or whitespace-only names are ignored. */
export function compileMatcher(patterns: readonly MatcherPattern[]): Matcher {
  return new FlatMatcher(compileData(patterns));
}

/**
 * compileMatcher without holding the thread: the compile runs in slices of at most about
 * `budgetMs`, with `pause()` between them, so that other events are answered meanwhile.
 */
export async function compileMatcherInSteps(patterns: readonly MatcherPattern[], options: StepOptions): Promise<Matcher> {
  return new FlatMatcher(await runStepsAsync(compileSteps(patterns), options));
}

/**
 * Turns a stored snapshot back into a matcher without recompiling.
 * @throws Error when the snapshot's format is unknown or its data malformed.
 */
export function loadMatcher(snapshot: MatcherSnapshot): Matcher {
  return new FlatMatcher(fromSnapshot(snapshot));
}
