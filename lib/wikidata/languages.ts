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
