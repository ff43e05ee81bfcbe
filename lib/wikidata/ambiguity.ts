/**
 * Ambiguity rules for aliases, as a careful editor would apply them: Wikidata's aliases
 * are written for search, not for finding names in running text, so "May" (Theresa
 * May), "FR" (France) or "the party" would light up half a page. Labels are never
 * dropped: the name the entity is known by stays, and the matcher's case rules apply.
 *
 * The matcher has no per-name case flag (`match.caseSensitive` is per entity), so an
 * ordinary word is kept only where the default rules already make it safe enough and
 * the entity is well known enough to own the word.
 */
import { daleChall } from 'dale-chall';
import type { EntityType } from '../pack';
import { countAlias, type AliasReport } from './alias-report';
import { COMMON_WORD_MIN_POPULARITY } from '../kb/ordinary-words';

/** Sitelinks from which an entity may keep a two-letter alias ("UN", "EU", "US"). */
const SHORT_ALIAS_MIN_POPULARITY = 150;
/** An alias held by more entities of one result than this is dropped from all of them. */
const MAX_ENTITIES_PER_ALIAS = 3;
/** Longer aliases are descriptions or titles, not names. */
const MAX_ALIAS_LENGTH = 100;

const COMMON_WORDS = new Set(daleChall);
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/u;
const CASED_LOWER = /\p{Ll}/u;
const NOT_A_NAME = /[<>{}[\]|\\]|https?:|www\./iu;

/** The entity an alias belongs to, as the rules need it. */
export interface AliasOwner {
  id: string;
  name: string;
  type: EntityType;
  popularity: number;
}

/** Spaces collapsed, Unicode composed: the form that is kept. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The form two names are compared in: case and width folded. */
function nameKey(text: string): string {
  return cleanName(text).normalize('NFKC').toLowerCase();
}

function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

type Verdict = { keep: true; restricted: boolean } | { keep: false; reason: keyof AliasReport['dropped'] };

function judge(alias: string, owner: AliasOwner, seen: Set<string>): Verdict {
  const letters = letterCount(alias);
  if (letters === 0 || alias.length > MAX_ALIAS_LENGTH || NOT_A_NAME.test(alias)) return { keep: false, reason: 'not-a-name' };
  const key = nameKey(alias);
  if (seen.has(key)) return { keep: false, reason: 'duplicate' };
  seen.add(key);
  if (letters === 1) return { keep: false, reason: 'too-short' };
  if (letters === 2) {
    if (owner.popularity >= SHORT_ALIAS_MIN_POPULARITY) return { keep: true, restricted: true };
    return { keep: false, reason: alias === alias.toUpperCase() ? 'two-letter-code' : 'too-short' };
  }
  if (!UPPER.test(alias) && CASED_LOWER.test(alias) && UPPER.test(owner.name)) return { keep: false, reason: 'lowercase' };
  if (!alias.includes(' ') && COMMON_WORDS.has(key)) {
    const mayOwn = (owner.type === 'Organization' || owner.type === 'Place') && owner.popularity >= COMMON_WORD_MIN_POPULARITY;
    return mayOwn ? { keep: true, restricted: true } : { keep: false, reason: 'common-word' };
  }
  return { keep: true, restricted: false };
}

/**
 * The aliases of one entity that are safe to match, cleaned, in their order; every
 * other one is counted in `report` under its reason. `restricted` lists the kept ones
 * that are safe only under the matcher's case rules (counted once the result is final).
 */
export function filterAliases(aliases: readonly string[], owner: AliasOwner, report: AliasReport): { kept: string[]; restricted: string[] } {
  const seen = new Set([nameKey(owner.name)]);
  const kept: string[] = [];
  const restricted: string[] = [];
  for (const raw of aliases) {
    const alias = cleanName(raw);
    const verdict = judge(alias, owner, seen);
    if (!verdict.keep) {
      countAlias(report.dropped[verdict.reason], alias, owner.id);
      continue;
    }
    if (verdict.restricted) restricted.push(alias);
    kept.push(alias);
  }
  return { kept, restricted };
}

/**
 * Drops, from every entity, the aliases that more than {@link MAX_ENTITIES_PER_ALIAS}
 * entities of the result answer to (labels count as holders, and stay). Updates `report`:
 * the alias moves from kept to `shared`.
 */
export function dropSharedAliases<T extends { id: string; name: string; alternateName: string[] }>(
  entities: readonly T[],
  report: AliasReport,
): void {
  const holders = new Map<string, number>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.alternateName]) {
      const key = nameKey(name);
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  for (const entity of entities) {
    entity.alternateName = entity.alternateName.filter((alias) => {
      if ((holders.get(nameKey(alias)) ?? 0) <= MAX_ENTITIES_PER_ALIAS) return true;
      countAlias(report.dropped.shared, alias, entity.id);
      return false;
    });
  }
}
