import type { BackstoryDatabase } from '../db/database';
import { getRevision } from '../db/revision';
import { compileMatcher, loadMatcher } from '../matcher';
import type { Matcher, MatcherSnapshot } from '../matcher';
import { enabledPatterns } from './enabled-patterns';

const SNAPSHOT_KEY = 'matcherSnapshot';

interface StoredSnapshot {
  revision: number;
  snapshot: MatcherSnapshot;
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
  private current: CurrentMatcher | undefined;
  private pending: Promise<CurrentMatcher> | undefined;

  constructor(private readonly db: BackstoryDatabase) {}

  /** The matcher for the knowledge base's current revision. */
  async get(): Promise<CurrentMatcher> {
    const revision = await getRevision(this.db);
    if (this.current?.revision === revision) return this.current;
    // Concurrent callers share one rebuild.
    this.pending ??= this.refresh(revision).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(revision: number): Promise<CurrentMatcher> {
    const stored = (await this.db.meta.get(SNAPSHOT_KEY))?.value as StoredSnapshot | undefined;
    if (stored?.revision === revision) {
      try {
        this.current = { matcher: loadMatcher(stored.snapshot), revision };
        return this.current;
      } catch {
        // A snapshot from an older matcher layout: rebuild below.
      }
    }
    const matcher = compileMatcher(await enabledPatterns(this.db));
    this.current = { matcher, revision };
    await this.db.meta.put({ key: SNAPSHOT_KEY, value: { revision, snapshot: matcher.snapshot() } satisfies StoredSnapshot });
    return this.current;
  }
}
