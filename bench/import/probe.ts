/**
 * Installed in the options page before the import starts: records when each import
 * stage begins (from the progress list the user sees) and how late a 10 ms timer
 * fires, which is how long the page could not answer the user.
 */
export interface ProbeResult {
  /** performance.now() when the file input fired its change event. */
  start: number;
  /** Stage name → performance.now() when it first showed as current. */
  stages: Record<string, number>;
  /** performance.now() when the success message appeared. */
  end: number;
  /** Largest delay of the 10 ms timer beyond its period, in ms. */
  maxLagMs: number;
  /** Timer firings delayed by more than 50 ms (a long task in the user's way). */
  lateTicks: number;
  /** When the late ticks happened (ms after start) and how late they were. */
  lateAt: Array<[number, number]>;
  /** [ms after start, rows written] as the Write stage reports them. */
  writes: Array<[number, number]>;
  /** Long tasks (over 50 ms) the page itself ran during the import, and the longest. */
  longTasks: number;
  maxLongTaskMs: number;
  /** When each long task began (ms after start) and how long it took. */
  longTaskAt: Array<[number, number]>;
  /** Animation frames seen during the import, and the longest gap between two. */
  frames: number;
  maxFrameGapMs: number;
  status: string;
}

/** Runs in the page (serialized by Playwright): keep it self-contained. */
export function installProbe(): void {
  const TICK_MS = 10;
  const LATE_MS = 50;
  const probe = { start: 0, stages: {} as Record<string, number>, end: 0, maxLagMs: 0, lateTicks: 0, lateAt: [] as Array<[number, number]>, frames: 0, maxFrameGapMs: 0, longTasks: 0, maxLongTaskMs: 0, longTaskAt: [] as Array<[number, number]>, writes: [] as Array<[number, number]>, status: '' };
  (globalThis as unknown as { backstoryProbe: typeof probe }).backstoryProbe = probe;
  document.addEventListener('change', () => {
    if (!probe.start) probe.start = performance.now();
  }, true);
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const lag = now - last - TICK_MS;
    if (probe.start && !probe.end) {
      probe.maxLagMs = Math.max(probe.maxLagMs, lag);
      if (lag > LATE_MS) {
        probe.lateTicks++;
        probe.lateAt.push([Math.round(now - probe.start), Math.round(lag)]);
      }
    }
    last = now;
  }, TICK_MS);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!probe.start || probe.end || entry.startTime < probe.start) continue;
      probe.longTasks++;
      probe.maxLongTaskMs = Math.max(probe.maxLongTaskMs, entry.duration);
      probe.longTaskAt.push([Math.round(entry.startTime - probe.start), Math.round(entry.duration)]);
    }
  }).observe({ type: 'longtask', buffered: false });
  let lastFrame = performance.now();
  const frame = (t: number) => {
    if (probe.start && !probe.end) {
      probe.frames++;
      probe.maxFrameGapMs = Math.max(probe.maxFrameGapMs, t - lastFrame);
    }
    lastFrame = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    const current = document.querySelector('.import-progress [aria-current=step]')?.textContent?.trim();
    if (current && probe.stages[current] === undefined) probe.stages[current] = performance.now();
    const count = /^Write: ([\d,]+) of/u.exec(document.querySelector('.import-progress__count')?.textContent ?? '');
    if (count) probe.writes.push([Math.round(performance.now() - probe.start), Number(count[1]!.replaceAll(',', ''))]);
    const status = [...document.querySelectorAll('.report[role=status] .report__summary')].map((e) => e.textContent ?? '').join(' ');
    if (probe.start && !probe.end && /Imported|already installed/u.test(status)) {
      probe.end = performance.now();
      probe.status = status;
    }
    const alert = document.querySelector('.report[role=alert] .report__summary')?.textContent;
    if (alert && !probe.end) {
      probe.end = performance.now();
      probe.status = alert;
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** The same timer on an idle page for `ms`: how late it is when the page does nothing (the machine's share). */
export function idleLag(ms: number): Promise<{ maxLagMs: number; lateTicks: number; longTasks: number }> {
  return new Promise((resolve) => {
    const TICK_MS = 10;
    const LATE_MS = 50;
    const out = { maxLagMs: 0, lateTicks: 0, longTasks: 0 };
    const observer = new PerformanceObserver((list) => {
      out.longTasks += list.getEntries().length;
    });
    observer.observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const lag = now - last - TICK_MS;
      out.maxLagMs = Math.max(out.maxLagMs, lag);
      if (lag > LATE_MS) out.lateTicks++;
      last = now;
    }, TICK_MS);
    setTimeout(() => {
      clearInterval(timer);
      observer.disconnect();
      resolve(out);
    }, ms);
  });
}

/** Rows written by an import, per table, for {@link rawWriteFloor}. */
export interface RowCounts {
  entities: number;
  articles: number;
  /** Entities each article mentions (stored inside the article row since schema v3). */
  mentionsPerArticle: number;
}

/**
 * The floor under the Write stage: the same number of rows, of about the same size,
 * with the same indexes, written with the bare IndexedDB API in one transaction into a
 * scratch database (no Dexie, no worker, no progress). Returns milliseconds.
 */
export async function rawWriteFloor(counts: RowCounts): Promise<number> {
  const dbName = `backstory-bench-floor-${Date.now()}`;
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.addEventListener('upgradeneeded', () => {
      const d = request.result;
      // Schema v4's stores and indexes (lib/db/database.ts).
      const entities = d.createObjectStore('entities', { keyPath: 'key' });
      entities.createIndex('nameFold', 'nameFold');
      const articles = d.createObjectStore('articles', { keyPath: 'key' });
      articles.createIndex('sortDate', 'sortDate');
      articles.createIndex('mentionIndex', 'mentionIndex', { multiEntry: true });
      articles.createIndex('urlKey', 'urlKey');
    });
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
  // Inside on purpose: Playwright sends this function to the page on its own.
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const text = (n: number) => 'Officials met on Tuesday to discuss the plan. '.repeat(Math.ceil(n / 46)).slice(0, n);
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['entities', 'articles'], 'readwrite');
    const e = tx.objectStore('entities');
    for (let i = 0; i < counts.entities; i++) {
      const name = `Name${i} Person${i}`;
      e.add({ key: `p/e${i}`, packId: 'p', id: `e${i}`, name, type: 'Person', alternateName: [`Name${i} Q. Person${i}`], description: text(60), sameAs: [], nameFold: name.toLowerCase() });
    }
    const a = tx.objectStore('articles');
    for (let i = 0; i < counts.articles; i++) {
      const keys = Array.from({ length: counts.mentionsPerArticle }, (_, j) => `p/e${(i * counts.mentionsPerArticle + j) % counts.entities}`);
      a.add({
        key: `p/a${i}`, packId: 'p', id: `a${i}`, headline: text(40), author: [], datePublished: '2020-01-01', articleBody: text(1200), about: ['e1'], keywords: [], sortDate: '2020-01-01',
        entityMentions: keys.map((entityKey) => ({ entityKey, sentence: text(150), role: 'mentions' })),
        mentionIndex: keys.map((k) => `${k}\u00002020-01-01`),
      });
    }
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error));
  });
  const ms = performance.now() - start;
  db.close();
  indexedDB.deleteDatabase(dbName);
  return ms;
}
