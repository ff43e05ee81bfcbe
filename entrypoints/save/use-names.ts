import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KnownMention } from '../../components/EntityChoices';
import { getDatabase } from '../../lib/db/database';
import { MatcherCache } from '../../lib/kb/matcher-cache';
import type { Matcher } from '../../lib/matcher';
import { optionsPath } from '../../lib/routes/extension-routes';
import { findCandidateEntities, type CandidateEntity } from '../../lib/nlp';

/** Typing in the text waits this long before the names are looked for again. */
const RECOMPUTE_DELAY_MS = 400;
const MAX_CANDIDATES = 25;

export interface ArticleNames {
  known: KnownMention[];
  candidates: CandidateEntity[];
}

let matcher: Promise<Matcher> | undefined;

/** The library's matcher, from the stored snapshot when it is current (no recompiling per page). */
function libraryMatcher(): Promise<Matcher> {
  matcher ??= new MatcherCache(getDatabase()).get().then((current) => current.matcher);
  return matcher;
}

/** The names in the article: the ones the library knows, and candidates for new entities. */
export function useArticleNames(headline: string, text: string): ArticleNames | undefined {
  const [names, setNames] = useState<ArticleNames>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void findNames(`${headline}\n\n${text}`).then((found) => current && setNames(found));
    }, names ? RECOMPUTE_DELAY_MS : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [headline, text]);
  return names;
}

async function findNames(text: string): Promise<ArticleNames> {
  const known = await libraryMatcher();
  const counts = new Map<string, number>();
  for (const span of known.scan(text)) for (const key of span.entityKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const entities = await getDatabase().entities.bulkGet([...counts.keys()]);
  const mentions: KnownMention[] = entities
    .filter((e) => e !== undefined)
    .map((e) => ({
      key: e.key,
      name: e.name,
      type: e.type,
      count: counts.get(e.key) ?? 0,
      href: browser.runtime.getURL(optionsPath({ name: 'entity', key: e.key })),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { known: mentions, candidates: findCandidateEntities(text, { known, limit: MAX_CANDIDATES }) };
}
