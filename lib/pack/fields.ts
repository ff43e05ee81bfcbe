/**
 * The values pack fields hold, as valibot schemas with their messages and JSON Schema
 * descriptions: ids, dates, addresses, names, one value or a list. lib/pack/schema.ts
 * builds the pack's objects from them.
 */
import * as v from 'valibot';
import { MAX_NAME_CHARS, nameLimitProblem } from '../matcher/name-limits';

/**
 * Pattern of entity and article ids. The contract only asks for uniqueness; ids coming
 * from other data (Wikidata "Q7747", JSON-LD) must fit, so any printable run without
 * whitespace is accepted, up to a length that keeps keys small.
 */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what ids must not hold
export const ITEM_ID_PATTERN = /^[^\s\x00-\x1f\x7f]{1,200}$/;

// semver.org's recommended expression, anchored.
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** ISO 8601 calendar date, optionally with a time and an offset (extended format). */
export const ISO_DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

// A primary language subtag and optional subtags: "en", "pt-BR", "zh-Hant-TW".
const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

// Spelled out instead of an `i` flag, which JSON Schema cannot carry.
export const HTTP_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;

const NOT_BLANK_PATTERN = /\S/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a string matching {@link ISO_DATE_PATTERN} names a real day and time. */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > maxDay) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
}

/**
 * A date that may be known only to the year or month, as Wikidata often knows it:
 * "1957", "1957-10", "1957-10-07"; a leading "-" for years before the common era.
 */
const PARTIAL_DATE_PATTERN = /^-?\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const DATE_MESSAGE = 'not an ISO 8601 date or date-time (for example 2024-07-10 or 2024-07-10T09:30:00Z)';
const URL_MESSAGE = 'not an http or https URL';

export function text(description: string) {
  return v.pipe(v.string('must be a string'), v.description(description));
}

export function nonBlankText(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(NOT_BLANK_PATTERN, 'must not be empty'),
    v.description(description),
  );
}

/**
 * One value or a list of them, as schema.org allows for most properties
 * ("author": "A. Writer" or ["A. Writer", "B. Editor"]); always a list once read.
 */
export function oneOrMany<T extends v.GenericSchema<unknown, string | NamedThing>>(item: T, listMessage: string, description: string) {
  return v.pipe(
    v.union([item, v.array(item, listMessage)], listMessage),
    v.transform((value): Array<v.InferOutput<T>> => (Array.isArray(value) ? value : [value as v.InferOutput<T>])),
    v.description(description),
  );
}

export const ONE_OR_MORE_STRINGS = 'must be a string or an array of strings';

export function nonBlankString() {
  return v.pipe(v.string('must be a string'), v.regex(NOT_BLANK_PATTERN, 'must not be empty'));
}

/** A name matched on web pages: not blank, within the matcher's limits (lib/matcher/name-limits.ts). */
export function matchedName() {
  return v.pipe(
    nonBlankString(),
    v.maxLength(MAX_NAME_CHARS, (issue) => `${nameLimitProblem(String(issue.input))}; shorten it or leave it out`),
    // Words: a check (JSON Schema cannot count them; its maxLength carries the rest).
    v.check((name) => nameLimitProblem(name) === undefined, (issue) => `${nameLimitProblem(String(issue.input))}; shorten it or leave it out`),
  );
}

/** Strings: one or a list, none blank. */
export function stringList(description: string) {
  return oneOrMany(nonBlankString(), ONE_OR_MORE_STRINGS, description);
}

/** A schema.org Person or Organization, as far as Backstory reads it: its name. */
export interface NamedThing {
  name: string;
}

/**
 * A name, given as text or as the schema.org Person or Organization that bears it
 * (`{"@type": "Person", "name": "A. Reporter"}`). No transform inside: a pipe that
 * transforms hides its item's own problems ("must not be empty") behind the union's.
 */
export function nameOrNamed(name: v.GenericSchema<unknown, string>) {
  return v.union([name, v.looseObject({ name }, NAMED_MESSAGE)], NAMED_MESSAGE);
}

/** The name text of what {@link nameOrNamed} accepted. */
export function nameOf(value: string | NamedThing): string {
  return typeof value === 'string' ? value : value.name;
}

const NAMED_MESSAGE = 'must be a string or an object with a string name';

/** A publisher: one name or Organization, read as its name. */
export function publisherName(description: string) {
  return v.pipe(nameOrNamed(v.string('must be a string')), v.transform((value) => nameOf(value)), v.description(description));
}

export function httpUrl(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(HTTP_URL_PATTERN, URL_MESSAGE),
    v.url(URL_MESSAGE),
    v.description(description),
  );
}

export function isoDate(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(ISO_DATE_PATTERN, DATE_MESSAGE),
    v.check(isRealIsoDate, DATE_MESSAGE),
    v.description(description),
  );
}

export function partialDate(description: string) {
  return v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(PARTIAL_DATE_PATTERN, 'not a year, year-month or date (for example 1957, 1957-10 or 1957-10-07)'),
      v.description(description),
    ),
  );
}

export function languageTag(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(LANGUAGE_TAG_PATTERN, 'not a BCP 47 language tag (for example en, pt-BR or zh-Hant)'),
    v.description(description),
  );
}

export function itemId(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(ITEM_ID_PATTERN, 'not a valid id (1 to 200 characters, no spaces)'),
    v.description(description),
  );
}

/** Entity ids: one or a list. */
export function idList(description: string) {
  return oneOrMany(itemId('An entity id of this pack.'), 'must be an entity id or an array of entity ids', description);
}
