/**
 * Counts with their nouns in agreement ("1 article", "2 articles"), by the plural rules
 * of English, the language of the interface.
 */
const ENGLISH_PLURALS = new Intl.PluralRules('en');

/** The noun that agrees with `count`: `one` for 1, `other` (default: one + "s") otherwise. */
export function nounFor(count: number, one: string, other = `${one}s`): string {
  return ENGLISH_PLURALS.select(count) === 'one' ? one : other;
}

/** `count`, formatted for reading, and its noun: "1 article", "1,204 articles". */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString()} ${nounFor(count, one, other)}`;
}
