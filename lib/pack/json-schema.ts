/**
 * The pack format as JSON Schema, generated from the valibot schema so that the two
 * cannot disagree. Used by scripts/generate-schema.ts and its freshness test; not part
 * of the extension bundle (the converter is a development dependency).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { MatchHintsSchema, PackArticleSchema, PackEntitySchema, PackMetaSchema, PackSchema } from './schema';

/** Where the generated schema is committed, relative to the project root. */
export const PACK_JSON_SCHEMA_PATH = 'docs/pack.schema.json';

/** The JSON Schema (draft 2020-12) of pack format v1, as a plain object. */
export function packJsonSchema(): Record<string, unknown> {
  return toJsonSchema(PackSchema, {
    target: 'draft-2020-12',
    definitions: {
      PackMeta: PackMetaSchema,
      PackEntity: PackEntitySchema,
      PackArticle: PackArticleSchema,
      MatchHints: MatchHintsSchema,
    },
    // `check` refines what a pattern already states (real calendar dates); the
    // pattern is what JSON Schema can carry. `transform` only turns one value into a
    // list of one after validation; the union already states both shapes.
    ignoreActions: ['check', 'transform'],
  }) as Record<string, unknown>;
}

/** The file content of {@link PACK_JSON_SCHEMA_PATH}: pretty-printed, ending in a newline. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
