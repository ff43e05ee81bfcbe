/**
 * The user's own pack "My reading": articles remembered because the user read them
 * (the opt-in "Remember what I read"). Saved like "My articles" (saveUserArticle: linked
 * to the names the library knows, the same canonical URL updating its copy), with the
 * time of reading kept as the article's `dateRead`; listed and deleted by the options
 * page's reading history.
 */
import type { BackstoryDatabase } from '../db/database';
import type { ArticleRow } from '../db/rows';
import type { ExtractedArticle } from '../extract';
import type { Matcher } from '../matcher';
import { siteKey } from '../settings/settings';
import { foldText } from '../text/fold';
import { comparableUrl } from '../text/safe-url';
import { rowsOfPack } from './keys';
import { saveUserArticle, type SaveUserArticleResult, type UserPackIdentity } from './my-articles';
import { deleteArticles } from './user-pack';
import { writeLibrary } from './write-library';

export const MY_READING_PACK_ID = 'my-reading';

const MY_READING_PACK: Readonly<UserPackIdentity> = Object.freeze({
  id: MY_READING_PACK_ID,
  name: 'My reading',
  description: 'Articles you read in this browser, remembered because you turned on "Remember what I read".',
});

export interface RememberInput {
  article: ExtractedArticle;
  /** The address of the tab it was read in (from the browser, never from the page). */
  tabUrl: string;
  /** Epoch milliseconds of the reading. */
  now: number;
  /** The background's current matcher of the enabled packs: no compiling per remembered article. */
  matcher?: Matcher;
}

/**
 * Saves a read article to "My reading". The page's canonical address is used only when
 * it is on the tab's own site: a page may not file itself under another site's address
 * (which would overwrite what was read there). Reading the same address again updates
 * the entry and its time of reading.
 */
export function rememberArticle(db: BackstoryDatabase, { article, tabUrl, now, matcher }: RememberInput): Promise<SaveUserArticleResult> {
  return saveUserArticle(db, {
    pack: MY_READING_PACK,
    now,
    matcher,
    article: {
      headline: article.headline,
      url: readingUrl(article.url, tabUrl),
      author: article.author,
      datePublished: article.datePublished,
      publisher: article.publisher,
      inLanguage: article.inLanguage,
      description: article.description,
      articleBody: article.text,
      dateRead: new Date(now).toISOString(),
    },
  });
}

/** The page's canonical address when it is on the tab's site, else the tab's address; fragments dropped. */
export function readingUrl(canonical: string | undefined, tabUrl: string): string | undefined {
  const tab = comparableUrl(tabUrl);
  const claimed = comparableUrl(canonical);
  if (!tab) return claimed;
  if (claimed && siteKey(new URL(claimed).hostname) === siteKey(new URL(tab).hostname)) return claimed;
  return tab;
}

/** One entry of the reading history. */
export interface ReadingEntry {
  key: string;
  headline: string;
  url?: string;
  publisher?: string;
  /** Epoch milliseconds of the (last) reading. */
  readAt: number;
}

/** The reading history, most recently read first; with a query, entries whose headline, publisher or address contains it. */
export async function readingHistory(db: BackstoryDatabase, query = ''): Promise<ReadingEntry[]> {
  const q = foldText(query.trim());
  const rows = await rowsOfPack(db.articles, MY_READING_PACK_ID).toArray();
  return rows
    .map(toEntry)
    .filter((e) => !q || [e.headline, e.publisher, e.url].some((field) => field !== undefined && foldText(field).includes(q)))
    .sort((a, b) => b.readAt - a.readAt);
}

function toEntry(row: ArticleRow): ReadingEntry {
  const dateRead = row.extra?.dateRead;
  const readAt = typeof dateRead === 'string' ? Date.parse(dateRead) : Number.NaN;
  return {
    key: row.key,
    headline: row.headline,
    url: row.url,
    publisher: row.publisher,
    readAt: Number.isNaN(readAt) ? 0 : readAt,
  };
}

/** Forgets some entries of the reading history (one, or a day's); returns how many were there. */
export function forgetReadings(db: BackstoryDatabase, keys: readonly string[]): Promise<number> {
  const own = keys.filter((key) => key.startsWith(`${MY_READING_PACK_ID}/`));
  return deleteArticles(db, own);
}

/** Forgets the whole reading history (the pack stays, empty, until the next reading). */
export async function forgetAllReadings(db: BackstoryDatabase): Promise<number> {
  return writeLibrary(db, [db.packs, db.articles], async () => forgetReadings(db, (await rowsOfPack(db.articles, MY_READING_PACK_ID).primaryKeys()) as string[]), {
    changed: (count) => count > 0,
  });
}

/** Groups entries (most recent first) by the local calendar day of their reading. */
export function byDay(entries: readonly ReadingEntry[], dayOf: (ms: number) => string): Array<{ day: string; entries: ReadingEntry[] }> {
  const days: Array<{ day: string; entries: ReadingEntry[] }> = [];
  for (const entry of entries) {
    const day = dayOf(entry.readAt);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}
