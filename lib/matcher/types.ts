/**
 * The matcher's public contract. Everything outside lib/matcher depends only on
 * these types and on `compileMatcher` / `loadMatcher` from `lib/matcher/index.ts`.
 */

/** One name to look for, as the knowledge base gives it. */
export interface MatcherPattern {
  /** The name or alias exactly as written in the pack ("Vladimir Putin", "Putin's" is not needed). */
  text: string;
  /** Opaque id of the entity this name belongs to (the knowledge base uses `packId/entityId`). */
  entityKey: string;
  /** From the entity's `match.caseSensitive`; undefined means the matcher's own rules decide. */
  caseSensitive?: boolean;
  /** From the entity's `match.exclude`: phrases that contain the name but are not this entity. */
  exclude?: readonly string[];
}

/** One mention found in a text: UTF-16 offsets into the text that was scanned. */
export interface MatchSpan {
  start: number;
  /** Exclusive. A possessive suffix ("'s") is not part of the span. */
  end: number;
  /**
   * Every entity the matched name may refer to (several when an alias is shared),
   * without duplicates, in a stable order.
   */
  entityKeys: readonly string[];
}

/**
 * The compiled form, as plain structured-cloneable data (typed arrays, strings,
 * numbers): it can be stored in IndexedDB and posted between contexts, and
 * `loadMatcher` turns it back into a `Matcher` without recompiling.
 */
export interface MatcherSnapshot {
  /** Bumped whenever the layout of the snapshot changes; a stale snapshot is rebuilt. */
  readonly format: number;
  readonly data: Record<string, unknown>;
}

export interface Matcher {
  /** All mentions in `text`, ordered by start, non-overlapping (leftmost-longest). */
  scan(text: string): MatchSpan[];
  /** How many patterns were compiled in. */
  readonly patternCount: number;
  /** The serializable form of this matcher. */
  snapshot(): MatcherSnapshot;
}
