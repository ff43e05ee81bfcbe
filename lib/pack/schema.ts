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
import { httpUrl, idList, isoDate, itemId, languageTag, matchedName, nameOf, nameOrNamed, nonBlankString, nonBlankText, ONE_OR_MORE_STRINGS, oneOrMany, partialDate, publisherName, SEMVER_PATTERN, stringList, text } from './fields';

import { MAX_NAME_CHARS, MAX_NAME_WORDS } from '../matcher/name-limits';

export { HTTP_URL_PATTERN, ISO_DATE_PATTERN, isRealIsoDate } from './fields';

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

/** Longest pack name: it is a title in lists, headings and every card's "from …" line. */
const MAX_PACK_NAME_CHARS = 200;

/** Pattern of `pack.id`: stable, file-name and URL safe. */
export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Where a pack made from Wikidata came from, so that a refresh can ask again. Only a pack
 * the user made in the options page (source `wikidata`) is ever refreshed by running it;
 * in a pack from a file or an address it is information, nothing more.
 */
const WikidataSourceSchema = v.pipe(
  v.looseObject({
    query: v.optional(text('The SPARQL query the names came from.')),
    readyQuery: v.optional(text('Id of the ready query it came from (for example heads-of-state-and-government).')),
    country: v.optional(text('For a ready query about one country: its item id (for example Q183).')),
    languages: v.pipe(v.array(languageTag('A language of the names, most wanted first.'), 'must be an array of language tags'), v.description('The languages of names and descriptions, most wanted first.')),
    fingerprint: v.optional(text('A digest of the entities, so that a refresh with the same answer changes nothing.')),
  }),
  v.description('Where the names came from on Wikidata (the query and its languages), so that a refresh can ask again.'),
);

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
    name: v.pipe(
      nonBlankText(`Name of the pack, shown to the user (at most ${MAX_PACK_NAME_CHARS} characters).`),
      v.maxLength(MAX_PACK_NAME_CHARS, `must be at most ${MAX_PACK_NAME_CHARS} characters: it is shown as a title`),
    ),
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
    wikidata: v.optional(WikidataSourceSchema),
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
