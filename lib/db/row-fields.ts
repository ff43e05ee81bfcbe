/**
 * Which properties of a pack's entity or article have a field of their own in a row.
 * The rest (properties a newer pack format adds, `match`) travel in the row's `extra`,
 * so an export gives back what was imported.
 */
export const ENTITY_ROW_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'type', 'alternateName', 'description', 'sameAs', 'url']);

export const ARTICLE_ROW_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'headline',
  'url',
  'author',
  'publisher',
  'datePublished',
  'inLanguage',
  'description',
  'articleBody',
  'about',
  'mentions',
  'keywords',
]);

/** The properties of `item` that `fields` leaves out; undefined when there are none. */
export function extraProperties(item: object, fields: ReadonlySet<string>): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(item)) {
    if (fields.has(name) || value === undefined) continue;
    extra ??= {};
    extra[name] = value;
  }
  return extra;
}
