import type { EntityType } from '../pack';

/** How mentions are painted. 'hover-only' registers nothing in CSS.highlights, ever: the name under the pointer is marked in Backstory's own UI. */
export type HighlightStyle = 'underline' | 'background' | 'hover-only';

/** How often an automatic backup is written to the downloads folder (lib/kb/auto-backup-plan.ts); 'off' writes none. */
export type BackupSchedule = 'weekly' | 'daily' | 'off';

const BACKUP_SCHEDULES: readonly BackupSchedule[] = ['weekly', 'daily', 'off'];

/**
 * The user's settings. Few on purpose: each exists because people truly differ.
 * Stored with versioned storage (lib/extension/settings-item.ts); extension pages and
 * the background read the same item and follow its changes live, page scripts ask the
 * background for what they need (lib/settings/page-config.ts).
 */
export interface Settings {
  /** A global pause: no scanning, no highlights, anywhere. */
  paused: boolean;
  highlightStyle: HighlightStyle;
  /** Hover intent before the popover opens, in milliseconds. */
  hoverDelayMs: number;
  /** Entity types not highlighted on pages (still searchable). */
  hiddenEntityTypes: EntityType[];
  /** Hostnames where Backstory does not run at all. */
  disabledSites: string[];
  /** Most mentions highlighted on one page. */
  highlightCap: number;
  /** Whether code blocks (pre, code) are scanned. */
  scanCodeBlocks: boolean;
  /** Whether packs with an update address are checked for newer versions once a day (each pack can also be turned off). */
  dailyPackUpdates: boolean;
  /** Automatic backups into the downloads folder, once the library holds something of the user's own. */
  backupSchedule: BackupSchedule;
  /** "Remember what I read": an article read for `readingSeconds` is saved to "My reading". Off unless the user turns it on. */
  rememberReading: boolean;
  /** Seconds of visible, focused reading before an article is remembered. */
  readingSeconds: number;
  /** Hostnames (with their subdomains) whose articles are never remembered. */
  readingExcludedSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  // A tint, not an underline: a decorated highlight costs the page a pass over its paint
  // tree in every frame where anything changes (docs/benchmarks.md, "Page").
  highlightStyle: 'background',
  hoverDelayMs: 250,
  hiddenEntityTypes: [],
  disabledSites: [],
  highlightCap: 2000,
  scanCodeBlocks: false,
  dailyPackUpdates: true,
  backupSchedule: 'weekly',
  rememberReading: false,
  readingSeconds: 30,
  readingExcludedSites: [],
});

export const HOVER_DELAY_RANGE_MS = { min: 0, max: 2000 } as const;
export const HIGHLIGHT_CAP_RANGE = { min: 10, max: 20_000 } as const;
export const READING_SECONDS_RANGE = { min: 2, max: 3600 } as const;

/**
 * Settings as stored, made whole and safe: unknown or out-of-range values fall back to
 * defaults, so a bad write or an older version can never break a page.
 */
export function normalizeSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    paused: typeof v.paused === 'boolean' ? v.paused : d.paused,
    highlightStyle: v.highlightStyle === 'background' || v.highlightStyle === 'hover-only' || v.highlightStyle === 'underline' ? v.highlightStyle : d.highlightStyle,
    hoverDelayMs: clampNumber(v.hoverDelayMs, HOVER_DELAY_RANGE_MS, d.hoverDelayMs),
    hiddenEntityTypes: Array.isArray(v.hiddenEntityTypes) ? (v.hiddenEntityTypes.filter((t) => typeof t === 'string') as EntityType[]) : [...d.hiddenEntityTypes],
    disabledSites: Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string') : [...d.disabledSites],
    highlightCap: Math.round(clampNumber(v.highlightCap, HIGHLIGHT_CAP_RANGE, d.highlightCap)),
    scanCodeBlocks: typeof v.scanCodeBlocks === 'boolean' ? v.scanCodeBlocks : d.scanCodeBlocks,
    dailyPackUpdates: typeof v.dailyPackUpdates === 'boolean' ? v.dailyPackUpdates : d.dailyPackUpdates,
    backupSchedule: BACKUP_SCHEDULES.includes(v.backupSchedule as BackupSchedule) ? (v.backupSchedule as BackupSchedule) : d.backupSchedule,
    rememberReading: v.rememberReading === true,
    readingSeconds: Math.round(clampNumber(v.readingSeconds, READING_SECONDS_RANGE, d.readingSeconds)),
    readingExcludedSites: Array.isArray(v.readingExcludedSites) ? v.readingExcludedSites.filter((s): s is string => typeof s === 'string') : [...d.readingExcludedSites],
  };
}

/** Whether Backstory runs on a page of this hostname ("www." does not count). */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.paused && !inSiteList(settings.disabledSites, hostname);
}

/** Whether an article of this hostname may be remembered: the setting is on, Backstory runs there, and the user did not exclude it. */
export function mayRememberReading(settings: Settings, hostname: string): boolean {
  return settings.rememberReading && isSiteEnabled(settings, hostname) && !inSiteList(settings.readingExcludedSites, hostname);
}

/** Whether a hostname is one of `sites` or a subdomain of one. */
function inSiteList(sites: readonly string[], hostname: string): boolean {
  const host = siteKey(hostname);
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The form a hostname is stored in the site lists. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./u, '');
}

function clampNumber(value: unknown, range: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(range.max, Math.max(range.min, value)) : fallback;
}
