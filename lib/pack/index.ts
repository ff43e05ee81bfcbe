/**
 * Article pack format v1: schema, validation, reading bytes, plain-text articles.
 * See docs/pack-format.md for the contract.
 *
 * `./json-schema` is left out on purpose: it pulls in a development-only converter and
 * is imported directly by scripts/generate-schema.ts and its test.
 */
export {
  ENTITY_TYPES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_ID_PATTERN,
  ITEM_ID_PATTERN,
  PackSchema,
  PackMetaSchema,
  PackEntitySchema,
  PackArticleSchema,
  isRealIsoDate,
} from './schema';
export type { Pack, PackMeta, PackEntity, PackArticle, EntityType, MatchHints } from './schema';
export { validatePack, formatPath, formatIssue, WHOLE_FILE } from './validate';
export type { PackIssue, PackValidation } from './validate';
export { MAX_JSON_DEPTH, MAX_PACK_BYTES, MAX_REPORTED_ISSUES, formatByteSize } from './limits';
export { readPackBytes, isGzip } from './read';
export type { PackRead, PackReadErrorCode, ReadPackOptions } from './read';
export { parsePack } from './parse';
export type { PackParse, PackParseErrorCode } from './parse';
export { findJsonSyntaxError } from './json-error';
export type { JsonSyntaxError } from './json-error';
export { parsePlainTextArticle } from './plain-text-article';
export type { PlainTextArticleResult } from './plain-text-article';
export { slugify } from './slug';
