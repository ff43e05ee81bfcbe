import type { BackstoryDatabase } from '../db/database';
import { getRevision } from '../db/revision';
import { compileMatcherInSteps, loadMatcher } from '../matcher';
import type { Matcher, MatcherSnapshot } from '../matcher';
import { enabledPatterns } from './enabled-patterns';
import { loadInParts, saveInParts } from './snapshot-parts';


/** Longest stretch of a rebuild between two pauses, ms: a page or hover waits at most about this. */
const BUILD_SLICE_MS = 50;

/** A zero timeout: events already waiting (messages from pages, the popup) run first. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** What the stored snapshot's head says beside its data (lib/kb/snapshot-parts.ts). */
interface StoredSnapshotMeta {
  revision: number;
  /** The hidden entity types it was built without, sorted and joined. */
  filter: string;
  format: MatcherSnapshot['format'];
}

export interface MatcherCacheOptions {
  /** Entity types not to highlight, read at each check (settings can change at any time). */
  hiddenTypes?: () => Promise<readonly string[]>;
}

export interface CurrentMatcher {
  matcher: Matcher;
  revision: number;
}

/**
 * Keeps the compiled matcher in step with the knowledge base. Compiling happens when
 * the knowledge base changed, never per page; a service worker that wakes up loads the
 * stored snapshot when it is current instead of rebuilding.
 */
export class MatcherCache {
  private current: (CurrentMatcher & { filter: string }) | undefined;
  private pending: Promise<CurrentMatcher> | undefined;

  constructor(
    private readonly db: BackstoryDatabase,
    private readonly options: MatcherCacheOptions = {},
  ) {}

  /** The matcher for the knowledge base's current revision and the current type filter. */
  async get(): Promise<CurrentMatcher> {
    // A build begun for an older revision (a pack turned off, then on again at once) may be
    // the one shared: ask again once it is done, until the matcher is the current revision's.
    // Else the change would be announced to tabs with the older matcher, and never again.
    for (;;) {
      const state = await this.check();
      if ('ready' in state) return state.ready;
      await state.building;
    }
  }

  /**
   * The matcher to answer a page with now: the current one, or, while a newer one is
   * built (seconds at a million names), the previous one, so that pages are not kept
   * waiting. Whoever announces the change to tabs waits for `get()`, so the tabs rescan
   * with the new matcher once it is ready (entrypoints/background/library-refresh.ts).
   */
  async serving(): Promise<CurrentMatcher> {
    const state = await this.check();
    if ('ready' in state) return state.ready;
    const previous = this.current;
    if (!previous) return state.building;
    // A failed build is reported to the caller of get() that announces the change.
    state.building.catch(() => undefined);
    return previous;
  }

  private async check(): Promise<{ ready: CurrentMatcher } | { building: Promise<CurrentMatcher> }> {
    const [revision, hiddenTypes] = await Promise.all([getRevision(this.db), this.options.hiddenTypes?.() ?? []]);
    const filter = [...hiddenTypes].sort().join(',');
    if (this.current?.revision === revision && this.current.filter === filter) return { ready: this.current };
    // Concurrent callers share one rebuild.
    this.pending ??= this.refresh(revision, filter, hiddenTypes).finally(() => {
      this.pending = undefined;
    });
    return { building: this.pending };
  }

  private async refresh(revision: number, filter: string, hiddenTypes: readonly string[]): Promise<CurrentMatcher> {
    // Read in parts, a pause between each: 47 MB at a million names in one read held the worker.
    const stored = await loadInParts<StoredSnapshotMeta>(this.db, (meta) => meta?.revision === revision && meta.filter === filter, { pause: nextTask });
    if (stored) {
      try {
        this.current = { matcher: loadMatcher({ format: stored.meta.format, data: stored.data }), revision, filter };
        return this.current;
      } catch {
        // A snapshot from an older matcher layout: rebuild below.
      }
    }
    // In slices (seconds at a million names): the worker keeps answering meanwhile.
    const patterns = await enabledPatterns(this.db, { hiddenTypes, pause: nextTask });
    const matcher = await compileMatcherInSteps(patterns, { budgetMs: BUILD_SLICE_MS, pause: nextTask });
    this.current = { matcher, revision, filter };
    const snapshot = matcher.snapshot();
    await saveInParts<StoredSnapshotMeta>(this.db, { revision, filter, format: snapshot.format }, snapshot.data, { pause: nextTask });
    return this.current;
  }
}
