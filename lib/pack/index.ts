/**
 * Article pack format v1: what the extension and the pack builder use of it. Tests import
 * the modules themselves. See docs/pack-format.md for the contract.
 *
 * `./json-schema` is left out on purpose: it pulls in a development-only converter and
 * is imported directly by scripts/generate-schema.ts and its test.
 */
export { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_ID_PATTERN, PackEntitySchema, PackArticleSchema } from './schema';
export type { PackMeta, PackEntity, PackArticle, EntityType } from './schema';
export { validatePack, formatPath, formatIssue } from './validate';
export type { PackIssue, PackValidation } from './validate';
export { parsePlainTextArticle } from './plain-text-article';
export { slugify } from './slug';
