import type { BackstoryDatabase } from '../db/database';
import { getRevision } from '../db/revision';
import { articleDocument, entityDocument } from './documents';
import { KnowledgeSearchIndex } from './search-index';
import { withEdit } from '../kb/entity-edits';
import { pagesOfPack, rowsOfPack } from '../kb/keys';
import { packSignatures } from './pack-signature';
import { createPause, type Pause } from '../feeds/work-slices';
import { nextTask } from './next-task';
import { deleteStoredState, type IndexedPack, loadStoredState, saveStoredState, updateStoredRevision } from './stored-index';

export { loadStoredIndexCopy } from './stored-index';
/**
 * How long a checked revision is trusted, ms: every write is announced and calls `invalidate()`, so this only
 * bounds how stale a missed change can be. Past it, the revision is read again beside the next search, not
 * before it: an IndexedDB read on a keystroke cost 5 to 20 ms on a busy machine (docs/benchmarks.md "## Search").
 */
const REVISION_TRUST_MS = 2_000;
/**
 * The index is stored once writes have been quiet this long, ms, and at most every `STORE_EVERY_MS` (under the
 * 30 s after which Chromium stops an idle worker): stored after each of 50 feed writes, it cost 0.2 to 1.2 s a
 * write at 6,000 articles (docs/benchmarks.md "## Feeds"). A worker stopped before it stores loses nothing: the
 * next start loads the older stored index and re-indexes what changed since.
 */
const STORE_QUIET_MS = 2_000;
const STORE_EVERY_MS = 20_000;
/** Rows read per page when a pack is indexed; how often a store waiting for MiniSearch's clean-up looks again, ms. */
const PAGE_ROWS = 200;
const SETTLE_POLL_MS = 50;

export interface SearchIndexCacheOptions {
  /** Asked before the index is brought up to a new revision: a library it does not admit is not indexed here. */
  admits?: () => Promise<boolean>;
  /** Quiet time before a store, and least time between two, ms. */
  storeQuietMs?: number;
  storeEveryMs?: number;
}

interface CurrentIndex {
  index: KnowledgeSearchIndex;
  revision: number;
  packs: Map<string, IndexedPack>;
}

/** Thrown by a refresh when the library is too large for this index (`admits` said no): it is searched with the term index. */
export class TooLargeForMemoryIndex extends Error {
  override message = 'The library is too large for the in-memory search index';
}

/** What changed in the last refresh; for tests and logs. */
export interface RefreshReport {
  revision: number;
  loaded: boolean;
  added: string[];
  removed: string[];
}

/**
 * Keeps the search index in step with the knowledge base, pack by pack: when the revision
 * moved, only the packs that were added, changed or removed are re-indexed, and the result
 * is stored so that the next start (a service worker waking up) loads it instead of
 * rebuilding. Packs stay searchable when disabled: disabling turns off their highlights.
 */
export class SearchIndexCache {
  private current: CurrentIndex | undefined;
  private pending: Promise<CurrentIndex> | undefined;
  private lastReport: RefreshReport | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private invalidated = false;
  private storeTimer: ReturnType<typeof setTimeout> | undefined;
  private storing: Promise<void> = Promise.resolve();
  private lastStoredAt = Number.NEGATIVE_INFINITY;
  /** Whether an index is stored (loaded at start, or stored since), and its `changeCount` then (equal now: only the revision needs storing). */
  private hasStored = false;
  private storedChanges = -1;
  private readonly options: Required<SearchIndexCacheOptions>;

  constructor(
    private readonly db: BackstoryDatabase,
    private readonly now: () => number = () => performance.now(),
    options: SearchIndexCacheOptions = {},
  ) {
    this.options = { admits: async () => true, storeQuietMs: STORE_QUIET_MS, storeEveryMs: STORE_EVERY_MS, ...options };
  }

  /** The knowledge base changed: the next `get` or `getQuick` reads the revision again, and waits for it. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.invalidated = true;
  }

  /** The index for the knowledge base's current revision (read again once the last check is no longer trusted). */
  async get(): Promise<KnowledgeSearchIndex> {
    if (this.current && !this.pending && !this.invalidated && this.now() - this.checkedAt < REVISION_TRUST_MS) return this.current.index;
    return this.update();
  }

  /**
   * For searches as the user types: like `get`, but once the revision was checked, a later
   * check runs beside the answer instead of before it (the answer is as of the last check),
   * unless `invalidate()` said the knowledge base changed.
   */
  async getQuick(): Promise<KnowledgeSearchIndex> {
    if (!this.current || this.pending || this.invalidated) return this.update();
    if (this.now() - this.checkedAt >= REVISION_TRUST_MS) {
      this.checkedAt = this.now();
      void this.update().catch((error: unknown) => console.warn('Backstory: the search index could not be brought up to date', error));
    }
    return this.current.index;
  }

  /**
   * Forgets the index and its stored copy: the library is searched with the term index
   * now (term-index/mode.ts), and a stored index of a large library is hundreds of MB.
   */
  async drop(): Promise<void> {
    await this.pending?.catch(() => undefined);
    this.current = undefined;
    this.invalidate();
    clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    await this.storing;
    this.hasStored = false;
    await deleteStoredState(this.db, nextTask);
  }

  /** Stores the index now if a store is waiting, and waits for it (tests; a store under way is waited for too). */
  async flush(): Promise<void> {
    if (this.storeTimer === undefined) return this.storing;
    clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    return this.startStore();
  }

  /** Reads the revision and, when it moved, refreshes the index. */
  private async update(): Promise<KnowledgeSearchIndex> {
    const checkedAt = this.now();
    this.invalidated = false;
    const revision = await getRevision(this.db);
    this.checkedAt = checkedAt;
    if (this.current?.revision === revision) return this.current.index;
    // Concurrent callers share one refresh.
    this.pending ??= this.refresh(revision).finally(() => {
      this.pending = undefined;
    });
    return (await this.pending).index;
  }

  /** What the last refresh did. */
  get report(): RefreshReport | undefined {
    return this.lastReport;
  }

  private async refresh(revision: number): Promise<CurrentIndex> {
    if (!(await this.options.admits())) throw new TooLargeForMemoryIndex();
    let loaded = false;
    if (!this.current) {
      this.current = await this.load();
      loaded = this.current !== undefined;
      this.hasStored ||= loaded;
      if (this.current) this.storedChanges = this.current.index.changeCount;
      // Article text and result rows load after the first answers (see KnowledgeSearchIndex.fromStored).
      const index = this.current?.index;
      if (index) setTimeout(() => void loadRest(index), 0);
    }
    const current = this.current ?? { index: KnowledgeSearchIndex.empty(), revision: -1, packs: new Map<string, IndexedPack>() };
    const report: RefreshReport = { revision, loaded, added: [], removed: [] };
    if (current.revision !== revision) {
      const signatures = await packSignatures(this.db);
      // A change needs every part of a woken index: loaded in slices here, not at once by the first add.
      await current.index.loadText();
      await current.index.loadRows();
      // Documents go in and out in slices: the worker answers pages and hovers in between.
      const pause = createPause();
      const discard = async (ids: Iterable<string>) => {
        for (const id of ids) {
          current.index.discard([id]);
          await pause();
        }
      };
      for (const [packId, indexed] of current.packs) {
        if (signatures.has(packId)) continue;
        await discard(indexed.ids);
        current.packs.delete(packId);
        report.removed.push(packId);
      }
      for (const [packId, signature] of signatures) {
        const indexed = current.packs.get(packId);
        if (indexed?.signature === signature) continue;
        // A changed pack: only its new and changed documents are indexed again (a feed's
        // write adds ten articles to a hundred), and the ones it no longer has taken out.
        const ids = await this.addPack(current.index, packId, pause);
        if (indexed) {
          const kept = new Set(ids);
          await discard(indexed.ids.filter((id) => !kept.has(id)));
          report.removed.push(packId);
        }
        current.packs.set(packId, { signature, ids });
        report.added.push(packId);
      }
      current.revision = revision;
      // A first build (install, or a lost stored index) is stored before searches are answered: the popup loads its own copy after its first answer.
      if (this.hasStored) this.scheduleStore(current.index);
      else await this.startStore(current);
    }
    this.current = current;
    this.lastReport = report;
    return current;
  }

  private async addPack(index: KnowledgeSearchIndex, packId: string, pause: Pause): Promise<string[]> {
    const ids: string[] = [];
    // The user's edits as the library and cards show them (hidden ones stay searchable).
    const edits = new Map((await rowsOfPack(this.db.entityEdits, packId).toArray()).map((edit) => [edit.key, edit]));
    for await (const page of pagesOfPack(this.db.entities, packId, PAGE_ROWS)) {
      for (const row of page) {
        const doc = entityDocument(withEdit(row, edits.get(row.key)));
        if (!index.holds(doc)) index.add([doc]);
        ids.push(doc.id);
        await pause();
      }
    }
    for await (const page of pagesOfPack(this.db.articles, packId, PAGE_ROWS)) {
      for (const row of page) {
        const doc = articleDocument(row);
        if (!index.holds(doc)) index.add([doc]);
        ids.push(doc.id);
        await pause();
      }
    }
    return ids;
  }

  private async load(): Promise<CurrentIndex | undefined> {
    try {
      const stored = await loadStoredState(this.db, nextTask);
      if (!stored) return undefined;
      return { index: KnowledgeSearchIndex.fromStored(stored.index), revision: stored.revision, packs: stored.packs };
    } catch (error) {
      console.warn('Backstory: the stored search index could not be loaded; rebuilding it', error);
      return undefined;
    }
  }

  /** Stores the index once writes are quiet, and not sooner than `storeEveryMs` after the last store. */
  private scheduleStore(index: KnowledgeSearchIndex): void {
    clearTimeout(this.storeTimer);
    // A new revision that changed no document at once: one row is rewritten.
    const delay = index.changeCount === this.storedChanges ? 0 : Math.max(this.options.storeQuietMs, this.lastStoredAt + this.options.storeEveryMs - Date.now());
    this.storeTimer = setTimeout(() => {
      this.storeTimer = undefined;
      this.startStore();
    }, delay);
  }

  /** Stores `during` a refresh (which must not change it meanwhile), else the current index unless it changes. */
  private startStore(during?: CurrentIndex): Promise<void> {
    this.storing = this.storing
      .then(() => this.store(during))
      .catch((error: unknown) => console.warn('Backstory: the search index could not be stored', error));
    return this.storing;
  }

  /**
   * Serializes the index a chunk at a time, then writes it in parts. A change meanwhile
   * (a refresh adds or discards) abandons this store: that refresh scheduled the next one.
   */
  private async store(during?: CurrentIndex): Promise<void> {
    const current = during ?? this.current;
    if (!current) return;
    while (!current.index.settled) await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const changes = current.index.changeCount;
    const revision = current.revision;
    if (this.hasStored && changes === this.storedChanges && (await updateStoredRevision(this.db, revision))) return;
    const unchanged = () => (during !== undefined || (this.current === current && !this.pending)) && current.index.changeCount === changes;
    const steps = current.index.storeSteps();
    const pause = createPause();
    for (;;) {
      if (!unchanged()) return;
      const step = steps.next();
      if (step.done) {
        this.lastStoredAt = Date.now();
        await saveStoredState(this.db, { revision, packs: new Map(current.packs), index: step.value }, nextTask);
        this.hasStored = true;
        this.storedChanges = changes;
        return;
      }
      await pause();
    }
  }
}

async function loadRest(index: KnowledgeSearchIndex): Promise<void> {
  try {
    await index.loadText();
    await index.loadRows();
  } catch (error) {
    console.warn('Backstory: part of the stored search index could not be loaded', error);
  }
}
