/** Which field of a document a word was found in: one bit each, combined in a posting's flags. */
export const Field = {
  name: 1,
  alias: 2,
  description: 4,
  headline: 8,
  text: 16,
} as const;

/** The fields of an entity, and of an article. */
export const ENTITY_FIELDS = Field.name | Field.alias | Field.description;
export const ARTICLE_FIELDS = Field.headline | Field.text;

/** A name or alias longer than this many words is counted as this many: exact tiers compare word counts. */
export const MAX_SPAN_WORDS = 255;
