import type { BackstoryDatabase } from '../db/database';
import { getRevision } from '../db/revision';
import { articleDocument, entityDocument } from './documents';
import { KnowledgeSearchIndex, SEARCH_INDEX_FORMAT, type StoredSearchIndex } from './search-index';
import { withEdit } from '../kb/entity-edits';
import { rowsOfPack } from '../kb/keys';
import { packSignatures } from './pack-signature';

/** Where the serialized index is kept, in the `meta` table beside the matcher snapshot. */
export const SEARCH_INDEX_META_KEY = 'searchIndex';
/**
 * How long a checked revision is trusted, in milliseconds. Every write is announced
 * (docs/architecture.md, "Write path") and the background then calls `invalidate()`, so
 * this only bounds how stale a missed change can be. Past it, the
 * revision is read again beside the next search, not before it: an IndexedDB read on a
 * keystroke cost 5 to 20 ms on a busy machine (docs/benchmarks.md "## Search").
 */
const REVISION_TRUST_MS = 2_000;

/** What the index holds of one pack: enough to tell whether the pack changed and to take it out. */
interface IndexedPack {
  signature: string;
  ids: string[];
}

interface StoredState {
  format: number;
  revision: number;
  packs: Record<string, IndexedPack>;
  index: StoredSearchIndex;
}

interface CurrentIndex {
  index: KnowledgeSearchIndex;
  revision: number;
  packs: Map<string, IndexedPack>;
}

/** Thrown by a refresh when the library is too large for this index (`admits` said no): it is searched with the term index. */
export class TooLargeForMemoryIndex extends Error {
  constructor() {
    super('The library is too large for the in-memory search index');
  }
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

  constructor(
    private readonly db: BackstoryDatabase,
    private readonly now: () => number = () => performance.now(),
    /** Asked before the index is brought up to a new revision: a library it does not admit is not indexed here. */
    private readonly admits: () => Promise<boolean> = async () => true,
  ) {}

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
    await this.db.meta.delete(SEARCH_INDEX_META_KEY);
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
    if (!(await this.admits())) throw new TooLargeForMemoryIndex();
    let loaded = false;
    if (!this.current) {
      this.current = await this.load();
      loaded = this.current !== undefined;
      // Article text and result rows load after the first answers (see KnowledgeSearchIndex.fromStored).
      const index = this.current?.index;
      if (index) setTimeout(() => void loadRest(index), 0);
    }
    const current = this.current ?? { index: KnowledgeSearchIndex.empty(), revision: -1, packs: new Map<string, IndexedPack>() };
    const report: RefreshReport = { revision, loaded, added: [], removed: [] };
    if (current.revision !== revision) {
      const signatures = await packSignatures(this.db);
      for (const [packId, indexed] of current.packs) {
        if (signatures.get(packId) === indexed.signature) continue;
        current.index.discard(indexed.ids);
        current.packs.delete(packId);
        report.removed.push(packId);
      }
      for (const [packId, signature] of signatures) {
        if (current.packs.has(packId)) continue;
        current.packs.set(packId, { signature, ids: await this.addPack(current.index, packId) });
        report.added.push(packId);
      }
      current.revision = revision;
      if (report.added.length > 0 || report.removed.length > 0 || !loaded) await this.store(current);
    }
    this.current = current;
    this.lastReport = report;
    return current;
  }

  private async addPack(index: KnowledgeSearchIndex, packId: string): Promise<string[]> {
    const ids: string[] = [];
    // The user's edits as the library and cards show them (hidden ones stay searchable).
    const edits = new Map((await rowsOfPack(this.db.entityEdits, packId).toArray()).map((edit) => [edit.key, edit]));
    await rowsOfPack(this.db.entities, packId).each((row) => {
      const doc = entityDocument(withEdit(row, edits.get(row.key)));
      index.add([doc]);
      ids.push(doc.id);
    });
    await rowsOfPack(this.db.articles, packId).each((row) => {
      const doc = articleDocument(row);
      index.add([doc]);
      ids.push(doc.id);
    });
    return ids;
  }

  private async load(): Promise<CurrentIndex | undefined> {
    const stored = await readStoredState(this.db);
    if (!stored) return undefined;
    try {
      return { index: KnowledgeSearchIndex.fromStored(stored.index), revision: stored.revision, packs: new Map(Object.entries(stored.packs)) };
    } catch (error) {
      console.warn('Backstory: the stored search index could not be loaded; rebuilding it', error);
      return undefined;
    }
  }

  private async store(current: CurrentIndex): Promise<void> {
    const value: StoredState = {
      format: SEARCH_INDEX_FORMAT,
      revision: current.revision,
      packs: Object.fromEntries(current.packs),
      index: current.index.toStored(),
    };
    await this.db.meta.put({ key: SEARCH_INDEX_META_KEY, value });
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

async function readStoredState(db: BackstoryDatabase): Promise<StoredState | undefined> {
  const stored = (await db.meta.get(SEARCH_INDEX_META_KEY))?.value as StoredState | undefined;
  return stored?.format === SEARCH_INDEX_FORMAT ? stored : undefined;
}

/**
 * A read-only copy of the stored index, loaded whole, for a page that searches
 * on its own thread (the popup: docs/benchmarks.md "## Search"). Undefined when there is
 * no stored index for the knowledge base's current revision: keeping it current is the
 * background's job, and a page must not rebuild it beside the background. Undefined too
 * when the library holds more than `maxDocuments` entities and articles: the copy's
 * memory and load time grow with it, and the stored index is not even read then.
 */
export async function loadStoredIndexCopy(
  db: BackstoryDatabase,
  maxDocuments = Number.POSITIVE_INFINITY,
): Promise<{ index: KnowledgeSearchIndex; revision: number } | undefined> {
  if (Number.isFinite(maxDocuments)) {
    // Installed packs' rows only, by pack (an import being written is not counted: lib/kb/staged-pack.ts).
    const packIds = (await db.packs.toCollection().primaryKeys()) as string[];
    const counts = await Promise.all(packIds.flatMap((id) => [rowsOfPack(db.entities, id).count(), rowsOfPack(db.articles, id).count()]));
    if (counts.reduce((sum, n) => sum + n, 0) > maxDocuments) return undefined;
  }
  const [stored, revision] = await Promise.all([readStoredState(db), getRevision(db)]);
  if (stored?.revision !== revision) return undefined;
  return { index: await KnowledgeSearchIndex.loadWhole(stored.index), revision };
}
