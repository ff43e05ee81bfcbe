import { compileMatcher, type Matcher, type MatcherPattern } from '../../../lib/matcher';

/** Shorthand: `p('Putin', 'putin')`. */
export function p(text: string, entityKey: string, extra: Partial<MatcherPattern> = {}): MatcherPattern {
  return { text, entityKey, ...extra };
}

/** The matched substrings of `text`. */
export function found(m: Matcher, text: string): string[] {
  return m.scan(text).map((s) => text.slice(s.start, s.end));
}

/** Matched substrings for a one-off matcher over plain names (entity key = name). */
export function match(names: readonly string[], text: string): string[] {
  return found(compileMatcher(names.map((n) => p(n, n))), text);
}
