/**
 * The compiled matcher as plain data: typed arrays and strings only, so that it
 * survives structured clone (IndexedDB, postMessage) unchanged.
 */
import type { FoldTables } from './fold-tables';
import type { MatcherSnapshot } from './types';

/** Bump when any field below changes meaning or layout. */
export const SNAPSHOT_FORMAT = 1;

export interface MatcherData extends FoldTables {
  /**
   * The trie, laid out by trie-layout.ts. BLOCK_FLAG marks nodes below which some
   * name may start on a lower-case letter (see case-rules.ts): walks from a
   * lower-case letter stop at unflagged nodes.
   */
  readonly blocks: Int32Array;
  /** Bit set of the hashes of names' first words (word-filter.ts). */
  readonly wordBits: Int32Array;
  /** The same for names that may start on a lower-case letter. */
  readonly lowerWordBits: Int32Array;
  readonly patternCount: number;
  /** Per trie key (terminal index): its patterns are groupPatterns[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  /** Pattern indices, in input order within each group. */
  readonly groupPatterns: Int32Array;
  /** Per pattern: index of its entity key. */
  readonly patternEntity: Int32Array;
  /** Per pattern: CASE_* mode. */
  readonly patternMode: Uint8Array;
  /** Case-preserving folds of all patterns, concatenated. */
  readonly patternKeepText: string;
  /** Per pattern (+1): offsets into patternKeepText. */
  readonly patternKeepStart: Int32Array;
  /** Entity keys, concatenated (they are opaque: no separator is safe). */
  readonly entityKeyText: string;
  readonly entityKeyStart: Int32Array;
  /** Per pattern (+1): its exclude phrases are excludes[excludeStart[p] .. excludeStart[p + 1]). */
  readonly excludeStart: Int32Array;
  /** Fully folded exclude phrases. */
  readonly excludes: readonly string[];
}

const TYPED_FIELDS: Readonly<Record<string, new (n: number) => ArrayBufferView>> = {
  fold: Uint16Array,
  cls: Uint16Array,
  expansionStart: Int32Array,
  expansionUnits: Uint16Array,
  blocks: Int32Array,
  wordBits: Int32Array,
  lowerWordBits: Int32Array,
  groupStart: Int32Array,
  groupPatterns: Int32Array,
  patternEntity: Int32Array,
  patternMode: Uint8Array,
  patternKeepStart: Int32Array,
  entityKeyStart: Int32Array,
  excludeStart: Int32Array,
};

/** Wraps compiled data as a snapshot. */
export function toSnapshot(data: MatcherData): MatcherSnapshot {
  return { format: SNAPSHOT_FORMAT, data: data as unknown as Record<string, unknown> };
}

/**
 * Checks a snapshot's format and the shape of its fields.
 * @throws Error on an unknown format or a malformed snapshot (the caller rebuilds).
 */
export function fromSnapshot(snapshot: MatcherSnapshot): MatcherData {
  if (snapshot?.format !== SNAPSHOT_FORMAT) {
    throw new Error(`Unknown matcher snapshot format ${String(snapshot?.format)} (expected ${SNAPSHOT_FORMAT})`);
  }
  const d = snapshot.data;
  for (const [name, type] of Object.entries(TYPED_FIELDS)) {
    if (!(d[name] instanceof type)) throw new Error(`Malformed matcher snapshot: field ${name}`);
  }
  if (
    typeof d.patternCount !== 'number' ||
    typeof d.patternKeepText !== 'string' ||
    typeof d.entityKeyText !== 'string' ||
    !Array.isArray(d.excludes)
  ) {
    throw new Error('Malformed matcher snapshot');
  }
  return d as unknown as MatcherData;
}
