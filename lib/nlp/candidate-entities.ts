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
import { isCommonWord, isDescribingWord } from './common-words';

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
/** Punctuation after a word that ends a name: a name never spans a dash, a comma or a full stop. */
const NAME_BREAK = /[—–,;:!?()[\]"“”«»|·•/]|\s-|-\s|\.\s|\.$/u;
/** What ends a sentence, or sets off a heading from the rest, before a word. */
const SENTENCE_START = /(?:^|[.!?:;—–"“]\s*|\n\s*)$/u;
const INITIAL = /^\p{Lu}$/u;

interface TermJson {
  text: string;
  /** Punctuation and spaces after the word: "Ledger — Leaders" gives "Ledger" a post of " — ". */
  post?: string;
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

  const context: NameContext = { text, sentenceOpeners: sentenceOpeners(doc.json(JSON_OPTIONS) as MatchJson[]) };
  const typed: Occurrence[] = [
    ...occurrences(context, doc.people().json(JSON_OPTIONS) as MatchJson[], 'Person'),
    ...occurrences(context, doc.places().json(JSON_OPTIONS) as MatchJson[], 'Place'),
    ...occurrences(context, doc.organizations().json(JSON_OPTIONS) as MatchJson[], 'Organization'),
  ];
  const untyped = occurrences(context, doc.match('#ProperNoun+').json(JSON_OPTIONS) as MatchJson[], 'Thing').filter(
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
function occurrences(context: NameContext, matches: MatchJson[], type: CandidateType): Occurrence[] {
  const found: Occurrence[] = [];
  for (const match of matches) {
    for (const run of splitAtBreaks(match.terms)) {
      const occurrence = nameOf(context, withSentenceOpener(context, run), type);
      if (occurrence && !isFalseName(context.text, occurrence)) found.push(occurrence);
    }
  }
  return found;
}

interface NameContext {
  text: string;
  /** The first word of each sentence, by the offset of the second word. */
  sentenceOpeners: Map<number, TermJson>;
}

function sentenceOpeners(sentences: MatchJson[]): Map<number, TermJson> {
  const openers = new Map<number, TermJson>();
  for (const { terms } of sentences) if (terms.length > 1) openers.set(terms[1]!.offset.start, terms[0]!);
  return openers;
}

/**
 * compromise does not call an unknown capitalized word that opens a sentence a proper
 * noun: "Aigerim Nurlanova said…" matches as "Nurlanova". Such a word belongs to the name
 * when it is not an ordinary word and nothing separates it from the rest.
 */
function withSentenceOpener(context: NameContext, run: TermJson[]): TermJson[] {
  const opener = context.sentenceOpeners.get(run[0]!.offset.start);
  if (!opener || !STARTS_UPPER.test(opener.text) || /\S/u.test(opener.post ?? '') || isTitle(opener) || isCommonWord(opener.text)) return run;
  return [opener, ...run];
}

function nameOf({ text }: NameContext, terms: TermJson[], type: CandidateType): Occurrence | undefined {
  let first = 0;
  while (first < terms.length && isTitle(terms[first]!)) first++;
  let last = terms.length - 1;
  while (last >= first && !STARTS_UPPER.test(terms[last]!.text)) last--;
  while (first <= last && !STARTS_UPPER.test(terms[first]!.text)) first++;
  if (first > last) return undefined;
  const start = terms[first]!.offset.start;
  const end = terms[last]!.offset.start + terms[last]!.offset.length;
  // The text as written: compromise splits "Kassym-Jomart" into two terms.
  const name = text.slice(start, end).replace(/\s+/gu, ' ').replace(POSSESSIVE, '').trim();
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return undefined;
  return { name, type, start, end, titled: first > 0 };
}

/** A match cut where punctuation separates its words ("Ledger — Leaders"); an initial's full stop ("A. Reporter") does not. */
function splitAtBreaks(terms: TermJson[]): TermJson[][] {
  const runs: TermJson[][] = [[]];
  terms.forEach((term, i) => {
    runs.at(-1)!.push(term);
    const breaks = NAME_BREAK.test(term.post ?? '') && !(INITIAL.test(term.text) && (term.post ?? '').trim() === '.');
    if (breaks && i < terms.length - 1) runs.push([]);
  });
  return runs;
}

/**
 * One word a careful reader would not take for a name: a demonym or adjective ("Kazakh
 * officials"), or an ordinary word capitalized because a sentence starts with it.
 */
function isFalseName(text: string, o: Occurrence): boolean {
  if (o.name.includes(' ')) return false;
  if (isDescribingWord(o.name)) return true;
  return SENTENCE_START.test(text.slice(Math.max(0, o.start - 3), o.start)) && isCommonWord(o.name);
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
