/**
 * The popup and the search index at scale (issue 16), for one build: the bench/scale
 * library imported through the options page, then the first search (which waits for the
 * background's index build), the service worker's heap once the index is built, the
 * stored search data against the text it indexes, and the popup's own figures
 * (open → usable awake and asleep, keystrokes, heap: popup-measures.ts).
 *
 * `npx tsx bench/scale/popup-at-scale.bench.ts [extensionDir]` (after `wxt build --mode bench`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BENCH_EXTENSION_DIR, launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { heapAfterGc } from '../page/interactions';
import { seededRandom } from '../random';
import { keystrokes, openToUsable, percentile, usableAfter } from '../search/popup-measures';
import { FULL_SCALE, generateLibrary, libraryPack, type ScaleLibrary } from './generate-library';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile-summary';
import { workerHeap } from './worker-heap';
import { workerSession } from './worker-session';

const IMPORT_TIMEOUT_MS = 1_800_000;
const MB = 1e6;

export interface PopupScaleFigures {
  importMs: number;
  firstSearchMs: number;
  /** Import's end → the term index written for the library's revision (builds without one: undefined). */
  termIndexMs?: number;
  workerHeapMb?: number;
  storedSearchMb: number;
  indexedTextMb: number;
  usableAwakeMs: number;
  usableAsleepMs: number;
  keyP50Ms: number;
  keyP95Ms: number;
  keyMaxMs: number;
  popupHeapMb: number;
}

/** Characters of the text search indexes: names, aliases, descriptions, headlines, article text. */
export function indexedTextChars(library: ScaleLibrary): number {
  let chars = 0;
  for (const e of library.entities) chars += e.name.length + (e.alternateName ?? []).join(' ').length + e.description.length;
  for (const a of library.articles) for (const field of ['headline', 'description', 'articleBody']) chars += String(a[field] ?? '').length;
  return chars;
}

/**
 * Bytes of the stored search data: the in-memory index's stored form (a meta row of
 * `backstory`) and the term index (database `backstory-search`), strings counted as one
 * byte per unit when Latin-1, else two, typed arrays by their bytes.
 */
const STORED_SEARCH_BYTES = `(async () => {
  const size = (v) => typeof v === 'string' ? (/^[\\u0000-\\u00ff]*$/.test(v) ? v.length : 2 * v.length)
    : v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? v.byteLength
    : Array.isArray(v) ? v.reduce((s, x) => s + size(x), 0)
    : v && typeof v === 'object' ? Object.values(v).reduce((s, x) => s + size(x), 0) : 8;
  const sum = (name, stores, only) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const present = stores.filter((s) => db.objectStoreNames.contains(s));
      if (present.length === 0) return resolve(0);
      let bytes = 0;
      const tx = db.transaction(present, 'readonly');
      for (const s of present) {
        if (only) tx.objectStore(s).get(only).onsuccess = (e) => { if (e.target.result) bytes += size(e.target.result.value); };
        else tx.objectStore(s).openCursor().onsuccess = (e) => { const c = e.target.result; if (c) { bytes += size(c.value); c.continue(); } };
      }
      tx.oncomplete = () => { db.close(); resolve(bytes); };
    };
  });
  const hasTerms = (await indexedDB.databases()).some((d) => d.name === 'backstory-search');
  return (await sum('backstory', ['meta'], 'searchIndex')) + (hasTerms ? await sum('backstory-search', ['terms', 'words', 'postings', 'suffixes', 'docs']) : 0);
})()`;

/** Whether the term index (if this build has one) is written up to the library's revision. */
const TERM_INDEX_CURRENT = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'backstory-search')) return 'none';
  const get = (name, store, key) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store, 'readonly').objectStore(store).get(key);
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
    };
  });
  const [state, revision] = await Promise.all([get('backstory-search', 'state', 'state'), get('backstory', 'meta', 'revision')]);
  return state && state.active && state.revision === revision.value ? 'current' : 'building';
})()`;

async function startWorkerProfile(context: BrowserContext, extensionId: string): Promise<{ stop(): Promise<ProfileSummary> }> {
  const session = await workerSession(context, extensionId);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1_000 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
      await session.close();
      return summarizeProfile(profile);
    },
  };
}

export async function measurePopupAtScale(extensionDir: string, packPath: string, library: ScaleLibrary): Promise<PopupScaleFigures> {
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    const options = await browser.openExtensionPage('options.html');
    const started = Date.now();
    await options.locator('input[type=file]').first().setInputFiles(packPath);
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const importMs = Date.now() - started;
    // BENCH_PROFILE_WRITER=1: a CPU profile of the service worker while it writes the term index.
    const profiler = process.env.BENCH_PROFILE_WRITER ? await startWorkerProfile(browser.context, browser.extensionId) : undefined;
    const first = await browser.openExtensionPage('popup.html');
    const firstStarted = Date.now();
    await first.waitForFunction(() => performance.getEntriesByName('backstory:usable').length > 0, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 100 });
    const firstSearchMs = Date.now() - firstStarted;
    await first.close();
    let termIndexMs: number | undefined;
    for (;;) {
      const status = (await options.evaluate(TERM_INDEX_CURRENT)) as string;
      if (status === 'none') break;
      if (status === 'current') {
        termIndexMs = Date.now() - started - importMs;
        break;
      }
      if (Date.now() - started > IMPORT_TIMEOUT_MS) throw new Error('The term index was not written in time');
      await options.waitForTimeout(500);
    }
    console.info(`import ${importMs} ms, first search ${firstSearchMs} ms, term index ${termIndexMs} ms`);
    if (profiler) console.info('service worker while the term index was written:', JSON.stringify(await profiler.stop(), null, 1));
    const heap = await workerHeap(browser.context, browser.extensionId).catch(() => undefined);
    const storedBytes = (await options.evaluate(STORED_SEARCH_BYTES)) as number;
    const awake = await openToUsable(browser, 'popup.html', { asleep: false, helper: options });
    const asleep = await openToUsable(browser, 'popup.html', { asleep: true, helper: options });
    const popup = await browser.openExtensionPage('popup.html');
    await usableAfter(popup);
    const keys = (await keystrokes(popup, seededRandom(7))).map((k) => k.ms);
    const popupHeap = await heapAfterGc(popup);
    await popup.close();
    return {
      importMs,
      firstSearchMs,
      termIndexMs,
      workerHeapMb: heap ? (heap.usedBytes + (heap.externalBytes ?? 0)) / MB : undefined,
      storedSearchMb: storedBytes / MB,
      indexedTextMb: indexedTextChars(library) / MB,
      usableAwakeMs: percentile(awake, 50),
      usableAsleepMs: percentile(asleep, 50),
      keyP50Ms: percentile(keys, 50),
      keyP95Ms: percentile(keys, 95),
      keyMaxMs: Math.max(...keys),
      popupHeapMb: popupHeap / MB,
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('popup-at-scale.bench.ts')) {
  const extensionDir = process.argv[2] ?? BENCH_EXTENSION_DIR;
  const library = generateLibrary(FULL_SCALE);
  const dir = await mkdtemp(join(tmpdir(), 'backstory-popup-1m-'));
  try {
    const packPath = join(dir, 'scale.pack.json');
    await writeFile(packPath, libraryPack(library));
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    const figures = await measurePopupAtScale(extensionDir, packPath, library);
    console.info(`${new Date().toISOString()} ${extensionDir}; load at start ${load}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.info(JSON.stringify(figures, null, 1));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
