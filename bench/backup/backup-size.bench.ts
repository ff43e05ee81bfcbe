/**
 * Size of an automatic backup (npm run bench:backup): a library of 5,000 saved articles
 * in "My articles" (about 5,000 characters of text each, six named people or places per
 * article, 2,000 hand-made entities) beside the starter pack, backed up by the code the
 * extension runs (createBackup, JSON, gzip by CompressionStream as in the service worker),
 * on fake-indexeddb. Prints the sizes, and what each means for the ways to hand the file
 * to the downloads API and to keep a copy in storage.local. Text is drawn from the
 * Dale–Chall word list at random: real prose compresses a little better, so the gzip
 * figure is on the safe side. BENCH_CHROMIUM=1 (after `wxt build`) also restores it into
 * the built extension and times "Back up now" there.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daleChall } from 'dale-chall';
import { BackstoryDatabase } from '../../lib/db/database';
import { createBackup } from '../../lib/kb/backup';
import { installPack, writePackRows } from '../../lib/kb/install-pack';
import { MY_ARTICLES_PACK_ID, myArticlesPack } from '../../lib/kb/my-articles';
import { packToRows } from '../../lib/kb/pack-to-rows';
import { writeLibrary } from '../../lib/kb/write-library';
import type { PackArticle, PackEntity } from '../../lib/pack/schema';
import { validatePack } from '../../lib/pack/validate';
import { formatByteSize } from '../../lib/text/byte-size';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { pick as pickFrom, seededRandom } from '../random';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const ENTITIES = 2_000;
const BODY_CHARS = 5_000;
const NAMES_PER_ARTICLE = 6;
/** Chromium's longest URL (url::kMaxURLChars): a data: URL past it cannot be downloaded. */
const MAX_URL_CHARS = 2 * 1024 * 1024;

const rand = seededRandom(7);
const pick = <T>(list: readonly T[]): T => pickFrom(rand, list);
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentence(names: readonly string[]): string {
  const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, () => pick(daleChall));
  if (names.length && rand() < 0.5) words.splice(Math.floor(rand() * words.length), 0, pick(names));
  return `${capital(words.join(' '))}.`;
}

function body(names: readonly string[]): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < BODY_CHARS) {
    const paragraph = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(names)).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

async function main(): Promise<Uint8Array> {
  const db = new BackstoryDatabase({ name: 'bench-backup' });
  const starter = validatePack(JSON.parse(readFileSync('public/packs/starter.pack.json', 'utf8')));
  if (!starter.ok) throw new Error('starter pack invalid');
  await installPack(db, starter.pack, { source: { kind: 'builtin' } });

  const entities: PackEntity[] = Array.from({ length: ENTITIES }, (_, i) => ({ id: `e${i}`, name: `${capital(pick(daleChall))} ${capital(pick(daleChall))}${i}`, type: i % 2 ? 'Person' : 'Place' }));
  const articles: PackArticle[] = Array.from({ length: ARTICLES }, (_, i) => {
    const named = Array.from({ length: NAMES_PER_ARTICLE }, () => pick(entities));
    const day = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 * 2).toISOString().slice(0, 10);
    return {
      id: `a${i}`,
      headline: sentence([]).slice(0, 90),
      url: `https://news.example.org/${day}/story-${i}`,
      author: [`${capital(pick(daleChall))} ${capital(pick(daleChall))}`],
      datePublished: day,
      publisher: pick(['The Valley Post', 'Harbour Gazette', 'Daily Ledger']),
      articleBody: body(named.map((e) => e.name)),
      mentions: named.map((e) => e.id),
    };
  });
  const rows = packToRows(myArticlesPack(articles, entities), { source: { kind: 'user' }, now: Date.now() });
  await writeLibrary(db, [db.packs, db.entities, db.articles], () => writePackRows(db, rows, { replace: true }));
  if (!(await db.packs.get(MY_ARTICLES_PACK_ID))) throw new Error('no user pack');

  const started = performance.now();
  const backup = await createBackup(db, { settings: DEFAULT_SETTINGS });
  const json = JSON.stringify(backup);
  const built = performance.now();
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  const gzip = new Uint8Array(await new Response(stream).arrayBuffer());
  const zipped = performance.now();
  const base64Chars = Math.ceil(gzip.length / 3) * 4;
  const dataUrlChars = 'data:application/gzip;base64,'.length + base64Chars;

  const jsonBytes = new TextEncoder().encode(json).length;
  console.info(`articles: ${ARTICLES.toLocaleString()} saved (+ ${starter.pack.articles.length} starter), entities: ${ENTITIES.toLocaleString()} hand-made (+ ${starter.pack.entities.length})`);
  console.info(`article text: ${formatByteSize(articles.reduce((n, a) => n + (a.articleBody?.length ?? 0), 0))}`);
  console.info(`backup JSON: ${formatByteSize(jsonBytes)} (${jsonBytes} B); built in ${Math.round(built - started)} ms on fake-indexeddb`);
  console.info(`backup .json.gz: ${formatByteSize(gzip.length)} (${gzip.length} B), ratio ${(jsonBytes / gzip.length).toFixed(2)}; gzip ${Math.round(zipped - built)} ms`);
  console.info(`base64 (storage.local copy): ${formatByteSize(base64Chars)}; as a data: URL ${dataUrlChars.toLocaleString()} chars, ${dataUrlChars > MAX_URL_CHARS ? 'over' : 'under'} Chromium's ${MAX_URL_CHARS.toLocaleString()}-char URL limit`);
  return gzip;
}

/**
 * The same backup restored into the built extension in real Chromium, then "Back up now":
 * the path a real automatic backup takes (service worker, offscreen blob URL, downloads API).
 */
async function inChromium(gzip: Uint8Array): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-backup-'));
  const downloads = join(dir, 'Downloads');
  await mkdir(join(dir, 'profile', 'Default'), { recursive: true });
  await writeFile(join(dir, 'profile', 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  await writeFile(join(dir, 'library.json.gz'), gzip);
  const browser = await launchExtensionBrowser({ userDataDir: join(dir, 'profile') });
  try {
    const options = await browser.openExtensionPage('options.html#/storage');
    await (await browser.context.newCDPSession(options)).send('Browser.setDownloadBehavior', { behavior: 'default' });
    await options.getByLabel('Restore from backup…').setInputFiles(join(dir, 'library.json.gz'));
    await options.getByRole('button', { name: 'Replace my library' }).click({ timeout: 120_000 });
    await options.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 300_000 });
    const started = performance.now();
    await options.getByRole('button', { name: 'Back up now' }).click();
    await options.getByRole('status').filter({ hasText: 'Backup written' }).waitFor({ timeout: 300_000 });
    const ms = performance.now() - started;
    const files = await readdir(join(downloads, 'Backstory'));
    const bytes = (await stat(join(downloads, 'Backstory', files[0]!))).size;
    console.info(`Chromium: "Back up now" to the file in Backstory/ in ${Math.round(ms)} ms; ${files[0]}: ${formatByteSize(bytes)} (${bytes} B)`);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const gzip = await main();
if (process.env.BENCH_CHROMIUM) await inChromium(gzip);
