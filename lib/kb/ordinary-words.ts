/**
 * Names a person typing an entity by hand may not give it: ordinary words, which would
 * mark every "the" or "and" on every page. The matcher's case rules make a capitalized
 * "Apple" safe enough, but not a lowercase "the party", nor a word that is never a name
 * ("The", "And") in any case. The same spirit as lib/wikidata/ambiguity.ts, which drops
 * such aliases from Wikidata's answers.
 */
import { daleChall } from 'dale-chall';
import { namesLimitProblem } from '../matcher/name-limits';

const COMMON_WORDS = new Set(daleChall);
/** Words that are never a name by themselves, capitalized or not (articles, conjunctions, prepositions, pronouns). */
const FUNCTION_WORDS = new Set(
  'a an the and or nor but so yet if of in on at to for with by from as into onto upon about over under than then this that these those it its he him his she her hers they them their we us our you your i me my mine who whom whose which what is are was were be been am do does did not no yes'.split(' '),
);
/**
 * Verbs that start sentences and questions ("May I…", "Will you…", "Said the minister"):
 * never a name by themselves in a pack, even as an entity's own name. Kept apart from
 * FUNCTION_WORDS because a person typing "May" by hand means the name.
 */
const SENTENCE_VERBS = new Set('may might can could will would shall should must said says say told has have had'.split(' '));
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/u;
/** Sitelinks from which an organization or place may own an ordinary word as another name ("Apple"), as for Wikidata's aliases. */
export const COMMON_WORD_MIN_POPULARITY = 100;

/** Written all in capitals, two letters or more: an acronym ("US", "WHO"), which the matcher keeps case-sensitive. */
function isAcronym(name: string): boolean {
  return (name.match(LETTER)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(name);
}

/** What {@link matchableName} needs to know of the entity a name belongs to. */
export interface NameOwner {
  type: string;
  popularity?: unknown;
}

/**
 * Whether a name from any pack may be looked for on pages. A pack's author is not
 * trusted to keep ordinary words out, and one alias "The" or "May" marks every one on
 * every page: a single function word or sentence-starting verb ("Will", "Said") is never
 * matched (unless written as an acronym), and another name that is a single common word only for a well-known organization or
 * place (the rule Wikidata's aliases are held to, lib/wikidata/ambiguity.ts). The entity's
 * own name stays matchable otherwise, under the matcher's case rules.
 */
export function matchableName(name: string, options: { isLabel: boolean; owner: NameOwner }): boolean {
  const word = name.trim().toLowerCase();
  if (/\s/u.test(word) || isAcronym(name)) return true;
  if (FUNCTION_WORDS.has(word) || SENTENCE_VERBS.has(word)) return false;
  if (options.isLabel || !COMMON_WORDS.has(word)) return true;
  const { type, popularity } = options.owner;
  return (type === 'Organization' || type === 'Place') && typeof popularity === 'number' && popularity >= COMMON_WORD_MIN_POPULARITY;
}

/** Why `name` would mark ordinary words on pages; undefined when it is a name. */
function ordinaryWordProblem(name: string): string | undefined {
  const letters = name.match(LETTER)?.length ?? 0;
  if (letters < 2) return 'too short to be told from ordinary text';
  const words = name.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 1 && FUNCTION_WORDS.has(words[0]!)) return 'an ordinary word: it would be marked wherever it is written';
  if (!UPPER.test(name) && words.every((word) => COMMON_WORDS.has(word) || FUNCTION_WORDS.has(word))) {
    return 'made of ordinary words in lowercase: it would be marked wherever they are written. Write it as the name is written (with its capitals)';
  }
  return undefined;
}

/**
 * The first problem with names typed for an entity, worded for the form: past the
 * matcher's limits, or ordinary words. Undefined when every name can be matched.
 */
export function typedNamesProblem(names: readonly string[]): string | undefined {
  const limit = namesLimitProblem(names);
  if (limit) return limit;
  for (const name of names) {
    const problem = ordinaryWordProblem(name);
    if (problem) return `“${name}” is ${problem}. Leave it out, or write the name in full.`;
  }
  return undefined;
}
