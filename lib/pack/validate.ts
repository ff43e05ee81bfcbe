/**
 * Validation of an article pack: the schema plus the rules across the whole pack
 * (format gate, unique ids, references between articles and entities).
 */
import * as v from 'valibot';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PackSchema, type Pack } from './schema';
import { findTooDeep } from './depth';
import { MAX_JSON_DEPTH, MAX_REPORTED_ISSUES } from './limits';

/** One problem in a pack, at a JSON path such as `articles[12].datePublished`. */
export interface PackIssue {
  /** Where the problem is; `""` for the document as a whole. */
  path: string;
  /** A plain sentence a person can act on, e.g. `not an ISO 8601 date`. */
  message: string;
}

/** What an issue's path reads as when the problem is the file as a whole. */
export const WHOLE_FILE = '(whole file)';

/** An issue as one line, the way README promises: `articles[3].mentions[1]: unknown entity id "foo"`. */
export function formatIssue(issue: PackIssue): string {
  return `${issue.path || WHOLE_FILE}: ${issue.message}`;
}

/** Result of {@link validatePack}. */
export type PackValidation =
  | { ok: true; pack: Pack }
  | {
      ok: false;
      /** The first {@link MAX_REPORTED_ISSUES} issues at most, in document order. */
      issues: PackIssue[];
      /** How many issues were found in all. */
      total: number;
    };

/**
 * Checks that `data` (parsed JSON) is an article pack this build can import.
 * Nothing is written anywhere; on success the returned pack has defaults applied
 * (entity `type`) and keeps unknown properties.
 */
export function validatePack(data: unknown): PackValidation {
  const gate = checkFormat(data) ?? checkDepth(data);
  if (gate) return failure([gate]);

  const parsed = v.safeParse(PackSchema, data, { abortPipeEarly: true, message: fallbackMessage });
  const issues = parsed.success ? [] : parsed.issues.flatMap(listItemIssues).map(toPackIssue);
  issues.push(...checkIds(data as Record<string, unknown>));

  if (issues.length > 0 || !parsed.success) return failure(sortByDocumentOrder(issues));
  return { ok: true, pack: parsed.output };
}

function failure(issues: PackIssue[]): PackValidation {
  return { ok: false, issues: issues.slice(0, MAX_REPORTED_ISSUES), total: issues.length };
}

const SECTION_ORDER = ['', 'format', 'formatVersion', 'pack', 'entities', 'articles'];

/**
 * Orders schema and cross-reference issues together by where they are in the pack, so
 * that the reported first 50 are the first 50 in the file. The sort is stable.
 */
function sortByDocumentOrder(issues: PackIssue[]): PackIssue[] {
  return issues
    .map((issue) => ({ issue, key: documentPosition(issue.path) }))
    .toSorted((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map(({ issue }) => issue);
}

function documentPosition(path: string): [section: number, index: number] {
  const m = /^([A-Za-z]*)(?:\[(\d+)\])?/.exec(path);
  const section = SECTION_ORDER.indexOf(m?.[1] ?? '');
  return [section === -1 ? SECTION_ORDER.length : section, Number(m?.[2] ?? -1)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses what is not a v1 article pack before anything else: the rest of the report
 * would be noise for a file of another kind, or for a newer format version whose
 * shape this build cannot know.
 */
function checkFormat(data: unknown): PackIssue | undefined {
  if (!isRecord(data)) {
    return {
      path: '',
      message: 'not an article pack: expected a JSON object with format, formatVersion, pack, entities and articles',
    };
  }
  if (data.format === undefined) return { path: 'format', message: `required (must be "${PACK_FORMAT}")` };
  if (data.format !== PACK_FORMAT) {
    return { path: 'format', message: `must be "${PACK_FORMAT}"; this file is not an article pack` };
  }
  const version = data.formatVersion;
  if (typeof version === 'number' && version >= PACK_FORMAT_VERSION + 1) {
    return {
      path: 'formatVersion',
      message: `this pack uses format version ${version} and needs a newer Backstory (this one reads version ${PACK_FORMAT_VERSION}); update Backstory to import it`,
    };
  }
  return undefined;
}

/** Refuses nesting that would make stored rows unreadable (see MAX_JSON_DEPTH). */
function checkDepth(data: unknown): PackIssue | undefined {
  const tooDeep = findTooDeep(data);
  if (!tooDeep) return undefined;
  return { path: formatPath(tooDeep), message: `nested more than ${MAX_JSON_DEPTH} levels deep; Backstory cannot store values this deep` };
}

/** Messages for the issues whose schema sets none: missing keys and non-objects. */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  const isObjectSchema = issue.type === 'object' || issue.type === 'loose_object';
  if (isObjectSchema && issue.input === undefined && issue.path?.length) return 'required';
  if (isObjectSchema) return 'must be an object';
  return `not valid (expected ${issue.expected ?? 'something else'})`;
}

/**
 * A list given for a one-or-a-list field (schema.org's "one value or many") that fails
 * on an item is reported at that item (`alternateName[1]: must be a string`), not as
 * "must be a string or an array of strings" for the whole list.
 */
function listItemIssues(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown>[] {
  if (issue.type !== 'union' || !Array.isArray(issue.input) || !issue.issues) return [issue];
  // A union's sub-issues carry paths relative to the union.
  const items = issue.issues.filter((sub) => (sub.path?.length ?? 0) > 0);
  if (items.length === 0) return [issue];
  return items.map((sub) => ({ ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] }) as v.BaseIssue<unknown>);
}

function toPackIssue(issue: v.BaseIssue<unknown>): PackIssue {
  return { path: formatPath(issue.path?.map((item) => item.key) ?? []), message: issue.message };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats `['articles', 12, 'datePublished']` as `articles[12].datePublished`. */
export function formatPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

/**
 * Unique entity and article ids, and references to entities (from articles, and
 * from entities' `related`). Works on
 * the raw data so that these problems are reported together with schema problems;
 * values of the wrong type are left to the schema's report.
 */
function checkIds(data: Record<string, unknown>): PackIssue[] {
  const issues: PackIssue[] = [];
  const entityIds = collectUniqueIds(data.entities, 'entities', 'entity', issues);
  collectUniqueIds(data.articles, 'articles', 'article', issues);

  // Without an entity list every reference would be reported; the schema's issue says enough.
  if (!Array.isArray(data.entities) || !Array.isArray(data.articles)) return issues;
  data.entities.forEach((entity: unknown, index) => checkRefs(entity, ['entities', index], ['related'], entityIds, issues));
  data.articles.forEach((article: unknown, index) => checkRefs(article, ['articles', index], ['about', 'mentions'], entityIds, issues));
  return issues;
}

/** Reports each id in `fields` of `item` that is not an entity of the pack. */
function checkRefs(item: unknown, at: Array<string | number>, fields: string[], entityIds: Set<string>, issues: PackIssue[]): void {
  if (!isRecord(item)) return;
  for (const field of fields) {
    const value = item[field];
    // One id or a list (schema.org allows both); the path of a single id has no index.
    const refs: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    refs.forEach((ref: unknown, refIndex) => {
      if (typeof ref === 'string' && !entityIds.has(ref)) {
        issues.push({
          path: formatPath([...at, field, ...(Array.isArray(value) ? [refIndex] : [])]),
          message: `unknown entity id ${JSON.stringify(ref)}`,
        });
      }
    });
  }
}

function collectUniqueIds(
  list: unknown,
  field: 'entities' | 'articles',
  noun: string,
  issues: PackIssue[],
): Set<string> {
  const firstIndex = new Map<string, number>();
  if (!Array.isArray(list)) return new Set();
  list.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    issues.push({
      path: formatPath([field, index, 'id']),
      message: `duplicate ${noun} id ${JSON.stringify(item.id)} (first used at ${formatPath([field, first, 'id'])})`,
    });
  });
  return new Set(firstIndex.keys());
}
