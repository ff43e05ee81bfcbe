/**
 * Language fallbacks for labels, descriptions and aliases: a reader asking for "pt-br"
 * gets Brazilian Portuguese, then Portuguese, then the language-neutral "mul" label
 * Wikidata keeps for names written the same everywhere, then English.
 */

/** Used last, when nothing in the reader's languages exists. */
const LAST_RESORT = ['mul', 'en'];

/**
 * The languages to try, in order, for a list of preferred language tags:
 * `["pt-BR"]` → `["pt-br", "pt", "mul", "en"]`. Tags are lower-cased as Wikidata writes them.
 */
export function languageChain(preferred: readonly string[]): string[] {
  const chain: string[] = [];
  const add = (tag: string) => {
    if (tag && !chain.includes(tag)) chain.push(tag);
  };
  for (const tag of preferred) {
    const lower = tag.trim().toLowerCase();
    add(lower);
    const dash = lower.indexOf('-');
    if (dash > 0) add(lower.slice(0, dash));
  }
  for (const tag of LAST_RESORT) add(tag);
  return chain;
}

/** The first value found along the chain, with its language. */
export function pickTerm<T>(terms: Record<string, T>, chain: readonly string[]): { language: string; value: T } | undefined {
  for (const language of chain) {
    const value = terms[language];
    if (value !== undefined) return { language, value };
  }
  return undefined;
}

function only<T>(terms: Record<string, T>, chain: readonly string[]): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const language of chain) if (terms[language] !== undefined) kept[language] = terms[language];
  return kept;
}

/**
 * The item with only the languages of the chain: what a reader of a large dump keeps,
 * so that memory grows with the names kept, not with Wikidata's hundreds of languages.
 */
export function keepLanguages<T extends { labels: Record<string, string>; descriptions: Record<string, string>; aliases: Record<string, string[]>; wikipedia: Record<string, string> }>(
  item: T,
  chain: readonly string[],
): T {
  return {
    ...item,
    labels: only(item.labels, chain),
    descriptions: only(item.descriptions, chain),
    aliases: only(item.aliases, chain),
    wikipedia: only(item.wikipedia, chain),
  };
}
