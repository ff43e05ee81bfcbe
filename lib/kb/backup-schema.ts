/**
 * The parts of a backup file that are not packs (packs are checked by validatePack), as
 * strict valibot schemas: a restore is an import, so only known fields are accepted,
 * addresses are checked, and sizes and depth are bounded before anything is written.
 */
import * as v from 'valibot';
import { findTooDeep } from '../pack/depth';
import { MAX_JSON_DEPTH } from '../pack/limits';
import { formatPath, type PackIssue } from '../pack/validate';
import { HTTP_URL_PATTERN } from '../pack/schema';
import { KEPT_ITEMS_RANGE, RETENTION_DAYS_RANGE } from '../feeds/feed-limits';
import { REFRESH_CHOICES } from './wikidata-packs';

/** Longest key, name or sentence a backup row may hold: rows are small; a sentence is one. */
const MAX_FIELD_CHARS = 10_000;
/** Longest free text (an edited description). */
const MAX_TEXT_CHARS = 100_000;
/** Levels a backup adds around a pack (`packs[0].pack`), on top of the pack's own limit. */
const BACKUP_DEPTH = 3;

const field = v.pipe(v.string('must be a string'), v.maxLength(MAX_FIELD_CHARS, `must be at most ${MAX_FIELD_CHARS} characters`));
const time = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

const SourceSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('builtin') }),
    v.strictObject({ kind: v.literal('file'), fileName: v.optional(field) }),
    v.strictObject({ kind: v.literal('url'), url: v.pipe(field, v.regex(HTTP_URL_PATTERN, 'not an http or https URL'), v.url('not an http or https URL')) }),
    v.strictObject({ kind: v.literal('user') }),
    v.strictObject({ kind: v.literal('wikidata') }),
    v.strictObject({ kind: v.literal('feed'), url: v.pipe(field, v.regex(HTTP_URL_PATTERN, 'not an http or https URL'), v.url('not an http or https URL')) }),
  ],
  'must be a pack source (builtin, file, url, user, wikidata or feed)',
);

const whole = (range: { min: number; max: number }) =>
  v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(range.min, `must be at least ${range.min}`), v.maxValue(range.max, `must be at most ${range.max}`));

/** The user's choices for a pack (lib/kb/pack-choices.ts), held to what the options page lets them choose. */
const ChoicesSchema = v.strictObject({
  dailyCheck: v.optional(v.literal(false, 'must be false when present')),
  refreshDays: v.optional(v.picklist(REFRESH_CHOICES.map((c) => c.days), `must be one of ${REFRESH_CHOICES.map((c) => c.days).join(', ')}`)),
  feed: v.optional(v.strictObject({ retentionDays: whole(RETENTION_DAYS_RANGE), maxItems: whole(KEPT_ITEMS_RANGE), fullArticles: v.optional(v.boolean('must be true or false')) })),
});

const PackStateSchema = v.strictObject(
  { source: SourceSchema, enabled: v.boolean('must be true or false'), installedAt: time, updatedAt: time, choices: v.optional(ChoicesSchema) },
  'must give source, enabled, installedAt and updatedAt',
);

const MentionSchema = v.strictObject({
  entityKey: field,
  articleKey: field,
  packId: field,
  date: field,
  sentence: field,
  role: v.picklist(['about', 'mentions'], 'must be "about" or "mentions"'),
});

const EntityEditSchema = v.strictObject({
  key: field,
  alternateName: v.optional(v.array(field, 'must be a list of names')),
  description: v.optional(v.pipe(v.string('must be a string'), v.maxLength(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`))),
  hidden: v.optional(v.boolean('must be true or false')),
  updatedAt: time,
});

const BackupPackSchema = v.strictObject({ state: PackStateSchema, pack: v.unknown(), mentions: v.optional(v.array(MentionSchema, 'must be a list of mention rows')) });

/** The whole file but the packs' content; `settings` is normalized by its reader, here only bounded. */
const BackupShapeSchema = v.strictObject({
  format: v.string(),
  formatVersion: v.number(),
  created: v.optional(field),
  packs: v.array(BackupPackSchema, 'must be a list'),
  entityEdits: v.array(EntityEditSchema, 'must be a list'),
  settings: v.optional(v.union([v.record(v.string(), v.unknown()), v.null()], 'must be an object')),
});

/** Every problem of a backup's shape, with its path; nothing about the packs' own content. */
export function backupShapeIssues(data: unknown): PackIssue[] {
  const tooDeep = findTooDeep(data, MAX_JSON_DEPTH + BACKUP_DEPTH);
  if (tooDeep) return [{ path: formatPath(tooDeep), message: `nested more than ${MAX_JSON_DEPTH + BACKUP_DEPTH} levels deep` }];
  const parsed = v.safeParse(BackupShapeSchema, data);
  if (parsed.success) return [];
  return parsed.issues.map((issue) => ({
    path: formatPath(issue.path?.map((item) => item.key) ?? []),
    message: issue.type === 'strict_object' && issue.expected === 'never' ? 'unknown field: a backup holds only the fields Backstory writes' : issue.message,
  }));
}
