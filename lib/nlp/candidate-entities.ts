/**
 * Names in a text that could become entities, found with compromise (a rule-based
 * English NLP library: its people/places/organizations taggers need no model download
 * and run in an extension page and in Node alike). wink-nlp was tried on the same
 * fixtures: its browser English model recognizes dates and numbers, not people, places
 * or organizations, so it cannot do this job.
 */
import nlp from 'compromise';
import type { Matcher } from '../matcher';
import { foldText } from '../text/fold';

/** The entity types a candidate can have; `Thing` when only capitalization says it is a name. */
export type CandidateType = 'Person' | 'Place' | 'Organization' | 'Thing';

/** A name that is not in the knowledge base yet. */
export interface CandidateEntity {
  /** The fullest form the text uses ("Sarah Thompson", not "Thompson"). */
  name: string;
  type: CandidateType;
  /** Shorter forms the text also uses for it ("Thompson"). */
  alternateName: string[];
  /** How often the text names it, in all its forms. */
  count: number;
}

export interface FindCandidatesOptions {
  /** The knowledge base's matcher: names it finds are known, not candidates. */
  known?: Matcher;
  /** At most this many candidates, the most named first. */
  limit?: number;
}

const DEFAULT_LIMIT = 30;
/** A lone capitalized word with no type must recur before it counts as a name. */
const MIN_UNTYPED_SINGLE_WORD_COUNT = 2;
const MAX_NAME_CHARS = 80;
const POSSESSIVE = /['’]s?$/u;
const STARTS_UPPER = /^\p{Lu}/u;
/** Words dropped from the front of a name: "President", "Secretary-General", "Russian". */
const LEADING_TAGS = new Set(['Honorific', 'Title', 'Demonym']);

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface MatchJson {
  terms: TermJson[];
}
interface Occurrence {
  name: string;
  type: CandidateType;
  start: number;
  end: number;
  /** A title stood before it ("President …"): a person, whatever the tagger said. */
  titled: boolean;
}

/**
 * Candidate entities of an English text: people, places and organizations compromise
 * recognizes, plus capitalized names it could not type, minus every name the knowledge
 * base's matcher already finds at the same place in the text.
 */
export function findCandidateEntities(text: string, options: FindCandidatesOptions = {}): CandidateEntity[] {
  const doc = nlp(text);
  const knownSpans = options.known?.scan(text) ?? [];
  const overlapsKnown = (o: { start: number; end: number }) => knownSpans.some((s) => s.start < o.end && o.start < s.end);

  const typed: Occurrence[] = [
    ...occurrences(text, doc.people().json(JSON_OPTIONS) as MatchJson[], 'Person'),
    ...occurrences(text, doc.places().json(JSON_OPTIONS) as MatchJson[], 'Place'),
    ...occurrences(text, doc.organizations().json(JSON_OPTIONS) as MatchJson[], 'Organization'),
  ];
  const untyped = occurrences(text, doc.match('#ProperNoun+').json(JSON_OPTIONS) as MatchJson[], 'Thing').filter(
    (o) => !typed.some((t) => t.start < o.end && o.start < t.end),
  );
  const all = [...typed, ...untyped]
    .map((o) => (o.titled && o.type === 'Thing' ? { ...o, type: 'Person' as const } : o))
    .filter((o) => !overlapsKnown(o));
  return group(all)
    .filter((c) => c.type !== 'Thing' || c.name.includes(' ') || c.count >= MIN_UNTYPED_SINGLE_WORD_COUNT)
    .slice(0, options.limit ?? DEFAULT_LIMIT);
}

const JSON_OPTIONS = { offset: true, terms: { offset: true } };

/** The name of each match: titles in front and lowercase words at the ends dropped, possessive cut. */
function occurrences(text: string, matches: MatchJson[], type: CandidateType): Occurrence[] {
  const found: Occurrence[] = [];
  for (const match of matches) {
    let first = 0;
    while (first < match.terms.length && isTitle(match.terms[first]!)) first++;
    let last = match.terms.length - 1;
    while (last >= first && !STARTS_UPPER.test(match.terms[last]!.text)) last--;
    while (first <= last && !STARTS_UPPER.test(match.terms[first]!.text)) first++;
    if (first > last) continue;
    const start = match.terms[first]!.offset.start;
    const end = match.terms[last]!.offset.start + match.terms[last]!.offset.length;
    // The text as written: compromise splits "Kassym-Jomart" into two terms.
    const name = text.slice(start, end).replace(/\s+/gu, ' ').replace(POSSESSIVE, '').trim();
    if (name.length < 2 || name.length > MAX_NAME_CHARS) continue;
    found.push({ name, type, start, end, titled: first > 0 });
  }
  return found;
}

function isTitle(term: TermJson): boolean {
  return term.tags.some((tag) => LEADING_TAGS.has(tag));
}

/**
 * One candidate per name (folded for case and accents); a one-word name that starts or
 * ends a longer person's or untyped name ("Thompson" for "Sarah Thompson", "Xi" for
 * "Xi Jinping") becomes its alias.
 */
function group(found: Occurrence[]): CandidateEntity[] {
  const byName = new Map<string, CandidateEntity & { first: number }>();
  for (const o of found.toSorted((a, b) => a.start - b.start)) {
    const key = foldText(o.name);
    const existing = byName.get(key);
    if (existing) {
      existing.count++;
      if (existing.type === 'Thing' && o.type !== 'Thing') existing.type = o.type;
    } else {
      byName.set(key, { name: o.name, type: o.type, alternateName: [], count: 1, first: o.start });
    }
  }
  const candidates = [...byName.values()];
  const longNames = candidates
    .filter((c) => (c.type === 'Person' || c.type === 'Thing') && c.name.includes(' '))
    .sort((a, b) => Number(b.type === 'Person') - Number(a.type === 'Person'));
  const merged = new Set<CandidateEntity>();
  for (const short of candidates) {
    if (short.name.includes(' ') || (short.type !== 'Person' && short.type !== 'Thing')) continue;
    const key = foldText(short.name);
    const full = longNames.find((p) => {
      const words = p.name.split(' ');
      return foldText(words.at(-1)!) === key || foldText(words[0]!) === key;
    });
    if (!full) continue;
    full.count += short.count;
    full.alternateName.push(short.name);
    merged.add(short);
  }
  return candidates
    .filter((c) => !merged.has(c))
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map(({ first: _first, ...candidate }) => candidate);
}
