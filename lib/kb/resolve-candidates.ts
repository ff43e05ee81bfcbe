/**
 * Which entity an article means by a name several entities share ("Mercury": the planet
 * or Freddie Mercury). On a page the card lists every candidate; an article in the
 * library is linked only to the one its own context supports, never to all of them.
 */
import type { MatchSpan } from '../matcher/types';

/** What an article says about its own entities, beyond the names found in its text. */
export interface MentionContext {
  /** Entity keys the article declares (its pack's `about` and `mentions`). */
  declared?: ReadonlySet<string>;
  /**
   * Entity keys that appear with `key` in other articles (declared together in the
   * pack): "ESA" supports the planet when the pack's articles link the two.
   */
  related?: (key: string) => ReadonlySet<string> | undefined;
}

/**
 * For the spans found in one article, a function giving each span's entity keys with a
 * shared name narrowed to the candidates the article supports, in this order of
 * evidence: declared by the article; named unambiguously elsewhere in it ("Freddie
 * Mercury" earlier, then "Mercury"); most related to the entities it surely names. A
 * name no evidence settles gets no key: a wrong link is worse than none.
 */
export function resolveCandidates(
  spans: readonly MatchSpan[],
  context: MentionContext = {},
): (span: MatchSpan) => readonly string[] {
  const declared = context.declared ?? new Set<string>();
  const sure = new Set(declared);
  for (const span of spans) if (span.entityKeys.length === 1) sure.add(span.entityKeys[0] as string);
  // Spans of one name share their (frozen) key list: settle each list once.
  const chosen = new Map<readonly string[], readonly string[]>();
  return (span) => {
    if (span.entityKeys.length <= 1) return span.entityKeys;
    let keys = chosen.get(span.entityKeys);
    if (!keys) {
      keys = supported(span.entityKeys, declared, sure, context.related);
      chosen.set(span.entityKeys, keys);
    }
    return keys;
  };
}

function supported(
  candidates: readonly string[],
  declared: ReadonlySet<string>,
  sure: ReadonlySet<string>,
  related: MentionContext['related'],
): readonly string[] {
  const inDeclared = candidates.filter((key) => declared.has(key));
  if (inDeclared.length > 0) return inDeclared;
  const named = candidates.filter((key) => sure.has(key));
  if (named.length > 0) return named;
  if (!related || sure.size === 0) return [];
  let best = 0;
  let keys: string[] = [];
  for (const key of candidates) {
    const around = related(key);
    let score = 0;
    if (around) for (const other of sure) if (around.has(other)) score++;
    if (score > best) {
      best = score;
      keys = [key];
    } else if (score === best && score > 0) keys.push(key);
  }
  return keys;
}

/**
 * For {@link MentionContext.related}: the entity keys declared together with a key in
 * some article (`about` and `mentions`). The index is linear in the declared lists; each
 * key's neighbours are gathered on first use (only shared names ask).
 */
export function declaredTogether(articles: readonly (readonly string[])[]): (key: string) => ReadonlySet<string> | undefined {
  const articlesOf = new Map<string, number[]>();
  articles.forEach((keys, index) => {
    for (const key of keys) {
      const list = articlesOf.get(key);
      if (list) list.push(index);
      else articlesOf.set(key, [index]);
    }
  });
  const cache = new Map<string, ReadonlySet<string>>();
  return (key) => {
    const indexes = articlesOf.get(key);
    if (!indexes) return undefined;
    let around = cache.get(key);
    if (!around) {
      const set = new Set<string>();
      for (const index of indexes) for (const other of articles[index] ?? []) if (other !== key) set.add(other);
      cache.set(key, (around = set));
    }
    return around;
  };
}
