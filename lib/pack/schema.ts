/**
 * The article pack format, version 1, as a valibot schema: the machine-readable form
 * of docs/pack-format.md. `validatePack` (validate.ts) adds the rules a schema cannot
 * express (format gate, unique ids, references); the JSON Schema in docs/ is generated
 * from this file.
 *
 * Objects are loose: unknown properties survive parsing so that export can give them back.
 * Regular expressions carry no flags, because JSON Schema patterns cannot.
 */
import * as v from 'valibot';
import { MAX_NAME_CHARS, MAX_NAME_WORDS, nameLimitProblem } from '../matcher/name-limits';

/** The entity types a pack may use; `Thing` when a pack says nothing. */
export const ENTITY_TYPES = [
  'Person',
  'Organization',
  'Place',
  'Event',
  'CreativeWork',
  'Thing',
] as const;

/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The only format version this build reads. */
export const PACK_FORMAT_VERSION = 1;

/** The value of a pack's `format` property. */
export const PACK_FORMAT = 'article-pack';

/** Pattern of `pack.id`: stable, file-name and URL safe. */
export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Pattern of entity and article ids. The contract only asks for uniqueness; ids coming
 * from other data (Wikidata "Q7747", JSON-LD) must fit, so any printable run without
 * whitespace is accepted, up to a length that keeps keys small.
 */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what ids must not hold
export const ITEM_ID_PATTERN = /^[^\s\x00-\x1f\x7f]{1,200}$/;

// semver.org's recommended expression, anchored.
const SEMVER_PATTERN =
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

function text(description: string) {
  return v.pipe(v.string('must be a string'), v.description(description));
}

function nonBlankText(description: string) {
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
function oneOrMany<T extends v.GenericSchema<unknown, string | NamedThing>>(item: T, listMessage: string, description: string) {
  return v.pipe(
    v.union([item, v.array(item, listMessage)], listMessage),
    v.transform((value): Array<v.InferOutput<T>> => (Array.isArray(value) ? value : [value as v.InferOutput<T>])),
    v.description(description),
  );
}

const ONE_OR_MORE_STRINGS = 'must be a string or an array of strings';

function nonBlankString() {
  return v.pipe(v.string('must be a string'), v.regex(NOT_BLANK_PATTERN, 'must not be empty'));
}

/** A name matched on web pages: not blank, within the matcher's limits (lib/matcher/name-limits.ts). */
function matchedName() {
  return v.pipe(
    nonBlankString(),
    v.maxLength(MAX_NAME_CHARS, (issue) => `${nameLimitProblem(String(issue.input))}; shorten it or leave it out`),
    // Words: a check (JSON Schema cannot count them; its maxLength carries the rest).
    v.check((name) => nameLimitProblem(name) === undefined, (issue) => `${nameLimitProblem(String(issue.input))}; shorten it or leave it out`),
  );
}

/** Strings: one or a list, none blank. */
function stringList(description: string) {
  return oneOrMany(nonBlankString(), ONE_OR_MORE_STRINGS, description);
}

/** A schema.org Person or Organization, as far as Backstory reads it: its name. */
interface NamedThing {
  name: string;
}

/**
 * A name, given as text or as the schema.org Person or Organization that bears it
 * (`{"@type": "Person", "name": "A. Reporter"}`). No transform inside: a pipe that
 * transforms hides its item's own problems ("must not be empty") behind the union's.
 */
function nameOrNamed(name: v.GenericSchema<unknown, string>) {
  return v.union([name, v.looseObject({ name }, NAMED_MESSAGE)], NAMED_MESSAGE);
}

/** The name text of what {@link nameOrNamed} accepted. */
function nameOf(value: string | NamedThing): string {
  return typeof value === 'string' ? value : value.name;
}

const NAMED_MESSAGE = 'must be a string or an object with a string name';

/** A publisher: one name or Organization, read as its name. */
function publisherName(description: string) {
  return v.pipe(nameOrNamed(v.string('must be a string')), v.transform((value) => nameOf(value)), v.description(description));
}

function httpUrl(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(HTTP_URL_PATTERN, URL_MESSAGE),
    v.url(URL_MESSAGE),
    v.description(description),
  );
}

function isoDate(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(ISO_DATE_PATTERN, DATE_MESSAGE),
    v.check(isRealIsoDate, DATE_MESSAGE),
    v.description(description),
  );
}

function partialDate(description: string) {
  return v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(PARTIAL_DATE_PATTERN, 'not a year, year-month or date (for example 1957, 1957-10 or 1957-10-07)'),
      v.description(description),
    ),
  );
}

function languageTag(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(LANGUAGE_TAG_PATTERN, 'not a BCP 47 language tag (for example en, pt-BR or zh-Hant)'),
    v.description(description),
  );
}

function itemId(description: string) {
  return v.pipe(
    v.string('must be a string'),
    v.regex(ITEM_ID_PATTERN, 'not a valid id (1 to 200 characters, no spaces)'),
    v.description(description),
  );
}

/** Entity ids: one or a list. */
function idList(description: string) {
  return oneOrMany(itemId('An entity id of this pack.'), 'must be an entity id or an array of entity ids', description);
}

/** The `pack` object: what the pack is, who publishes it, which version it is. */
export const PackMetaSchema = v.pipe(
  v.looseObject({
    id: v.pipe(
      v.string('must be a string'),
      v.regex(
        PACK_ID_PATTERN,
        'not a valid pack id (1 to 64 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)',
      ),
      v.description(
        'Identifier of the pack, stable across its versions: lowercase letters, digits, ".", "_" and "-", at most 64 characters.',
      ),
    ),
    name: nonBlankText('Name of the pack, shown to the user.'),
    version: v.pipe(
      v.string('must be a string'),
      v.regex(SEMVER_PATTERN, 'not a semantic version (for example 1.2.0)'),
      v.description('Version of the pack (semver); a higher version replaces a lower one on re-import.'),
    ),
    description: v.optional(text('What the pack contains, in plain text.')),
    language: v.optional(languageTag('Default language of the articles (BCP 47 tag).')),
    publisher: v.optional(publisherName('Who publishes the pack: a name, or a schema.org Organization with a name.')),
    license: v.optional(text('License of the pack: an SPDX id or free text.')),
    homepage: v.optional(httpUrl('Web page about the pack (http or https).')),
    updateUrl: v.optional(
      httpUrl('Where newer versions of this pack are published (http or https); checked for updates.'),
    ),
    created: v.optional(isoDate('When this version of the pack was made (ISO 8601 date or date-time).')),
  }),
  v.description('What the pack is, who publishes it and which version it is.'),
);

/** Hints for the page matcher about one entity. */
export const MatchHintsSchema = v.pipe(
  v.looseObject({
    caseSensitive: v.optional(
      v.pipe(
        v.boolean('must be true or false'),
        v.description("Whether names must match in case; when absent, the project's matching rules decide."),
      ),
    ),
    exclude: v.optional(
      stringList('Phrases that contain a name of this entity but do not refer to it ("Putin Street").'),
    ),
  }),
  v.description('Optional hints for the page matcher.'),
);

/** A person, organization, place, event or work that articles talk about. */
export const PackEntitySchema = v.pipe(
  v.looseObject({
    id: itemId('Identifier of the entity, unique inside the pack; articles refer to it.'),
    name: v.pipe(matchedName(), v.description(`Display name of the entity; also matched on web pages (at most ${MAX_NAME_CHARS} characters and ${MAX_NAME_WORDS} words).`)),
    type: v.optional(
      v.pipe(
        v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`),
        v.description('Kind of entity (schema.org type); Thing when absent.'),
      ),
      'Thing',
    ),
    alternateName: v.optional(
      oneOrMany(
        matchedName(),
        ONE_OR_MORE_STRINGS,
        `Other names of the entity, also matched on web pages: one or a list (each at most ${MAX_NAME_CHARS} characters and ${MAX_NAME_WORDS} words).`,
      ),
    ),
    description: v.optional(text('Short plain-text description of the entity.')),
    sameAs: v.optional(
      oneOrMany(
        httpUrl('A URL that identifies the entity.'),
        'must be a URL or an array of URLs',
        'URLs that identify the entity (e.g. Wikidata), one or a list; entities of different packs sharing one are the same.',
      ),
    ),
    url: v.optional(httpUrl('Web page about the entity (http or https).')),
    match: v.optional(MatchHintsSchema),
    birthDate: partialDate('When the person was born: YYYY, YYYY-MM or YYYY-MM-DD.'),
    deathDate: partialDate('When the person died: YYYY, YYYY-MM or YYYY-MM-DD.'),
    foundingDate: partialDate('When the organization or place was founded: YYYY, YYYY-MM or YYYY-MM-DD.'),
    dissolutionDate: partialDate('When the organization or place was dissolved: YYYY, YYYY-MM or YYYY-MM-DD.'),
    startDate: partialDate('When the event or office began: YYYY, YYYY-MM or YYYY-MM-DD.'),
    endDate: partialDate('When the event or office ended: YYYY, YYYY-MM or YYYY-MM-DD.'),
    image: v.optional(
      httpUrl('Address of a picture of the entity (http or https); shown as a link, never downloaded by Backstory.'),
    ),
    popularity: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(0, 'must not be negative'),
        v.description(
          'How well known the entity is (for Wikidata, its number of sitelinks); orders the candidates of a shared name.',
        ),
      ),
    ),
    related: v.optional(
      idList('Ids of entities of this pack this one belongs to: its country, party, parent organization, alliance.'),
    ),
  }),
  v.description('A person, organization, place, event or work that articles talk about.'),
);

/** A news article: plain-text body and the entities it is about or mentions. */
export const PackArticleSchema = v.pipe(
  v.looseObject({
    id: itemId('Identifier of the article, unique inside the pack.'),
    headline: nonBlankText('Headline of the article.'),
    url: v.optional(httpUrl('Where the article was published (http or https).')),
    author: v.optional(
      v.pipe(
        oneOrMany(
          nameOrNamed(nonBlankString()),
          'must be a name, a Person with a name, or an array of them',
          'Authors of the article, one or a list: each a name, or a schema.org Person with a name.',
        ),
        v.transform((authors) => authors.map(nameOf)),
      ),
    ),
    publisher: v.optional(publisherName('Who published the article: a name, or a schema.org Organization with a name.')),
    datePublished: v.optional(isoDate('When the article was published (ISO 8601 date or date-time).')),
    inLanguage: v.optional(languageTag("Language of the article (BCP 47 tag); the pack's language when absent.")),
    description: v.optional(text('One- or two-sentence plain-text summary.')),
    articleBody: v.optional(text('Full text of the article, plain text; paragraphs separated by a blank line.')),
    about: v.optional(idList('Ids of the entities the article is mainly about: one or a list.')),
    mentions: v.optional(
      idList('Ids of the entities the article mentions, one or a list; when absent, found by matching the body.'),
    ),
    keywords: v.optional(stringList('Keywords of the article: one or a list.')),
  }),
  v.description('A news article: plain-text body and the entities it is about or mentions.'),
);

/** A whole article pack, format version 1. */
export const PackSchema = v.pipe(
  v.looseObject({
    format: v.pipe(
      v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
      v.description('Always "article-pack".'),
    ),
    formatVersion: v.pipe(
      v.literal(PACK_FORMAT_VERSION, `must be ${PACK_FORMAT_VERSION}`),
      v.description('Major version of the pack format; this schema describes version 1.'),
    ),
    pack: PackMetaSchema,
    entities: v.pipe(
      v.array(PackEntitySchema, 'must be an array of entities'),
      v.description('The entities the articles talk about.'),
    ),
    articles: v.pipe(
      v.array(PackArticleSchema, 'must be an array of articles'),
      v.description('The articles of the pack.'),
    ),
  }),
  v.title('Backstory article pack'),
  v.description(
    'A bundle of news articles and the entities they talk about, imported by Backstory (format version 1).',
  ),
);

/** A valid pack, as `validatePack` returns it (defaults applied, unknown properties kept). */
export type Pack = v.InferOutput<typeof PackSchema>;
/** The `pack` object of a {@link Pack}. */
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
/** One entity of a {@link Pack}; `type` is always set (default `Thing`). */
export type PackEntity = v.InferOutput<typeof PackEntitySchema>;
/** One article of a {@link Pack}. */
export type PackArticle = v.InferOutput<typeof PackArticleSchema>;
