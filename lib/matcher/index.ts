/**
 * The entity matcher: finds known names in text. Matching rules and budgets: docs/architecture.md and README.md.
 *
 * Rules, in short: whole words by Unicode letter/digit/mark classes (scripts
 * written without spaces need no boundaries); leftmost-longest; a possessive
 * "'s" after a name is left out of the span; whitespace runs and hyphen and
 * apostrophe variants are equivalent; case and diacritics are folded, with the
 * case rules of case-rules.ts; exclude phrases suppress matches inside them.
 */
import { compileData } from './compile';
import { fromSnapshot } from './matcher-data';
import { FlatMatcher } from './scanner';
import type { Matcher, MatcherPattern, MatcherSnapshot } from './types';

export type { MatcherPattern, Matcher, MatcherSnapshot } from './types';

/** Compiles names into a matcher. Empty or whitespace-only names are ignored. */
export function compileMatcher(patterns: readonly MatcherPattern[]): Matcher {
  return new FlatMatcher(compileData(patterns));
}

/**
 * Turns a stored snapshot back into a matcher without recompiling.
 * @throws Error when the snapshot's format is unknown or its data malformed.
 */
export function loadMatcher(snapshot: MatcherSnapshot): Matcher {
  return new FlatMatcher(fromSnapshot(snapshot));
}
