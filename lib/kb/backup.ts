/**
 * Full backup of the library (packs, the user's entity edits, settings) to one JSON
 * document, and restore from it. A restore is validated whole before anything is
 * written and then written in one transaction: a bad backup changes nothing.
 */
import type { BackstoryDatabase } from '../db/database';
import { withMentions } from '../db/article-mention-keys';
import type { ArticleMention, ArticleRow, EntityEditRow, PackSource } from '../db/rows';
import type { Pack } from '../pack/schema';
import { validatePack, type PackIssue } from '../pack/validate';
import { MAX_PACK_BYTES, MAX_REPORTED_ISSUES, formatByteSize } from '../pack/limits';
import { readPackBytes, type PackReadErrorCode } from '../pack/read';
import { exportPack } from './export-pack';
import { rowsOfPack } from './keys';
import { writePackRows } from './install-pack';
import { packToRows } from './pack-to-rows';
import { forgetRemovedPacks } from './removed-packs';
import { writeLibrary } from './write-library';
import { countOf } from '../text/plural';
import { backupShapeIssues } from './backup-schema';
import { refollowRestoredFeeds } from '../feeds/feed-store';
import { readPackChoices, restorePackChoices, type PackChoices } from './pack-choices';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** How a pack was installed: what its pack file alone does not say. */
export interface BackupPackState {
  source: PackSource;
  enabled: boolean;
  installedAt: number;
  updatedAt: number;
  /** What the user chose for the pack beside its rows (absent in backups made before they were kept). */
  choices?: PackChoices;
}

export interface BackupPack {
  state: BackupPackState;
  pack: Pack;
  /**
   * The user's own pack only: its articles link to entities of other packs, which a
   * pack file cannot say, so its mentions travel as they are.
   */
  mentions?: BackupMention[];
}

/** One article mentioning one entity, as a backup holds it (the mention rows of schema v2). */
export interface BackupMention extends ArticleMention {
  articleKey: string;
  packId: string;
  /** The article's `datePublished`, or ''. */
  date: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** ISO 8601 date-time. */
  created: string;
  packs: BackupPack[];
  entityEdits: EntityEditRow[];
  /** The settings as stored; normalized again on restore. */
  settings: unknown;
}

/** Everything needed to rebuild the library, as one JSON-able document. */
export async function createBackup(db: BackstoryDatabase, options: { settings: unknown; now?: number }): Promise<Backup> {
  const packs = await db.packs.orderBy('id').toArray();
  const out: BackupPack[] = [];
  for (const row of packs) {
    const pack = await exportPack(db, row.id);
    if (!pack) continue;
    const choices = await readPackChoices(db, row.id);
    const state: BackupPackState = { source: row.source, enabled: row.enabled, installedAt: row.installedAt, updatedAt: row.updatedAt, ...(choices ? { choices } : {}) };
    const entry: BackupPack = { state, pack };
    // Mentions Backstory found itself (not declared in a pack) are kept as found.
    if (row.source.kind === 'user' || row.source.kind === 'feed') entry.mentions = backupMentions(await rowsOfPack(db.articles, row.id).toArray());
    out.push(entry);
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    created: new Date(options.now ?? Date.now()).toISOString(),
    packs: out,
    entityEdits: await db.entityEdits.toArray(),
    settings: options.settings,
  };
}

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; summary: string; issues: PackIssue[]; total: number };

/** Checks a parsed backup file whole; nothing is written. */
export function checkBackup(data: unknown): BackupCheck {
  const d = data as Partial<Backup> | null;
  if (typeof d !== 'object' || d === null || d.format !== BACKUP_FORMAT) {
    return { ok: false, summary: 'This file is not a Backstory backup.', issues: [], total: 0 };
  }
  if (d.formatVersion !== BACKUP_FORMAT_VERSION) {
    return { ok: false, summary: 'This backup was made by a newer Backstory. Update the extension, then restore it.', issues: [], total: 0 };
  }
  // Known fields only, addresses checked, sizes and depth bounded (backup-schema.ts); then each pack as an import checks it.
  const issues: PackIssue[] = backupShapeIssues(d);
  const ids = new Set<string>();
  const packs: BackupPack[] = [];
  (Array.isArray(d.packs) ? d.packs : []).forEach((entry: BackupPack, i) => {
    const at = `packs[${i}]`;
    const validation = validatePack(entry?.pack);
    if (!validation.ok) for (const issue of validation.issues) issues.push({ path: `${at}.pack${issue.path ? `.${issue.path}` : ''}`, message: issue.message });
    else if (ids.has(validation.pack.pack.id)) issues.push({ path: `${at}.pack.pack.id`, message: `pack "${validation.pack.pack.id}" appears twice` });
    else {
      ids.add(validation.pack.pack.id);
      packs.push({ ...entry, pack: validation.pack });
    }
    const packId = validation.ok ? validation.pack.pack.id : undefined;
    // Mentions travel only with a pack whose mentions Backstory found itself (the user's own, a followed feed's), and only for it.
    const foundMentions = entry?.state?.source?.kind === 'user' || entry?.state?.source?.kind === 'feed';
    if (Array.isArray(entry?.mentions) && (!foundMentions || entry.mentions.some((m) => m?.packId !== packId))) {
      issues.push({ path: `${at}.mentions`, message: 'mention rows belong only to a pack of the user’s own or of a followed feed, and only its own' });
    }
  });
  if (issues.length > 0) {
    return {
      ok: false,
      summary: `This backup is damaged: ${countOf(issues.length, 'problem')} found. Nothing was restored.`,
      issues: issues.slice(0, MAX_REPORTED_ISSUES),
      total: issues.length,
    };
  }
  return { ok: true, backup: { ...(d as Backup), packs } };
}

/**
 * Replaces the whole library with a checked backup, in one transaction: if anything
 * fails, the library stays as it was. Settings are the caller's to write afterwards.
 */
export async function restoreBackup(db: BackstoryDatabase, backup: Backup): Promise<{ packs: number }> {
  // Rows are built before the transaction, which then only writes.
  const all = backup.packs.map((entry) => {
    const rows = packToRows(entry.pack, { source: entry.state.source, now: entry.state.updatedAt });
    rows.pack.enabled = entry.state.enabled;
    rows.pack.installedAt = entry.state.installedAt;
    if (entry.mentions) {
      const byArticle = new Map<string, BackupMention[]>();
      for (const m of entry.mentions) byArticle.set(m.articleKey, [...(byArticle.get(m.articleKey) ?? []), m]);
      rows.articles = rows.articles.map((article) => withMentions(article, (byArticle.get(article.key) ?? []).map(articleMention)));
    }
    return rows;
  });
  await writeLibrary(db, [db.packs, db.entities, db.articles, db.entityEdits], async () => {
    await Promise.all([db.packs.clear(), db.entities.clear(), db.articles.clear(), db.entityEdits.clear(), forgetRemovedPacks(db)]);
    for (const rows of all) await writePackRows(db, rows, { replace: true });
    await db.entityEdits.bulkPut(backup.entityEdits);
    await refollowRestoredFeeds(db, all.map((rows, i) => ({ ...rows.pack, feedChoices: backup.packs[i]!.state.choices?.feed })));
    await restorePackChoices(db, backup.packs.map((entry) => ({ packId: entry.pack.pack.id, choices: entry.state.choices })));
  });
  return { packs: all.length };
}


function backupMentions(articles: readonly ArticleRow[]): BackupMention[] {
  return articles.flatMap((article) =>
    article.entityMentions.map((m) => ({ ...m, articleKey: article.key, packId: article.packId, date: article.datePublished ?? '' })),
  );
}

function articleMention(m: BackupMention): ArticleMention {
  return { entityKey: m.entityKey, sentence: m.sentence, role: m.role };
}



/** What a backup holds, for the question asked before it replaces the library. */
export interface BackupSummary {
  packs: number;
  articles: number;
  entities: number;
  entityEdits: number;
  /** The names of its packs, in the file's order. */
  packNames: string[];
  /** When the backup was made (ISO 8601), if it says. */
  created?: string;
}

/**
 * Reads and checks a backup file whole (JSON or gzip); nothing is written. The failure
 * is worded for the user, and says the library is unchanged.
 */
export async function checkBackupFile(bytes: Uint8Array, fileName: string): Promise<BackupCheck> {
  const read = await readPackBytes(bytes);
  if (!read.ok) return { ok: false, summary: `${unreadableBackup(read.code, fileName)} Your library is unchanged.`, issues: [], total: 0 };
  const check = checkBackup(read.data);
  return check.ok ? check : { ...check, summary: `${check.summary} Your library is unchanged.` };
}

const BACKUP_HINT = 'Choose a file saved with “Download backup”.';

/** The sentence for a file that is not even JSON: read.ts words its own for packs, not backups. */
function unreadableBackup(code: PackReadErrorCode, fileName: string): string {
  switch (code) {
    case 'bad-encoding':
      return `This file is not a Backstory backup: ${fileName} is not text. ${BACKUP_HINT}`;
    case 'bad-json':
      return `This file is not a Backstory backup, or it was cut short: ${fileName} is not complete JSON. ${BACKUP_HINT}`;
    case 'bad-gzip':
      return `${fileName} is a damaged gzip file and cannot be decompressed.`;
    case 'too-large':
      return `${fileName} is larger than ${formatByteSize(MAX_PACK_BYTES)} (uncompressed), the most Backstory can restore.`;
  }
}

/** Counts what a checked backup holds. */
export function summarizeBackup(backup: Backup): BackupSummary {
  return {
    packs: backup.packs.length,
    articles: backup.packs.reduce((sum, entry) => sum + entry.pack.articles.length, 0),
    entities: backup.packs.reduce((sum, entry) => sum + entry.pack.entities.length, 0),
    entityEdits: backup.entityEdits.length,
    packNames: backup.packs.map((entry) => entry.pack.pack.name),
    created: typeof backup.created === 'string' ? backup.created : undefined,
  };
}

export type RestoreOutcome =
  | { ok: true; packs: number; entityEdits: number; settings: unknown }
  | { ok: false; summary: string; issues: PackIssue[]; total: number };

/**
 * Reads a backup file (JSON or gzip), checks it whole and, only if it is sound,
 * replaces the library with it in one transaction. Never throws; a failed write
 * leaves the library as it was. Settings are returned for the caller to write.
 */
export async function runRestore(db: BackstoryDatabase, bytes: Uint8Array, fileName: string): Promise<RestoreOutcome> {
  const check = await checkBackupFile(bytes, fileName);
  if (!check.ok) return check;
  try {
    await restoreBackup(db, check.backup);
  } catch (error) {
    const full = (error as { name?: string; inner?: { name?: string } })?.name === 'QuotaExceededError' || (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError';
    return {
      ok: false,
      summary: full
        ? 'The browser ran out of space while restoring. Free some disk space, then try again. Your library is unchanged.'
        : 'The backup could not be written. Your library is unchanged.',
      issues: [],
      total: 0,
    };
  }
  return { ok: true, packs: check.backup.packs.length, entityEdits: check.backup.entityEdits.length, settings: check.backup.settings };
}
