/**
 * The compiled matcher as plain data: typed arrays and strings only, so that it
 * survives structured clone (IndexedDB, postMessage) unchanged.
 */
import type { FoldTables } from './fold-tables';
import type { MatcherSnapshot } from './types';

/** Bump when any field below changes meaning or layout. */
/* 3: folding rules moved to lib/text/char-fold.ts (Hebrew and Arabic marks fold away). */
/* 4: single-child trie blocks (trie-layout.ts). */
/* 5: case folds only where read, one-byte and wide apart; sparse excludes; entity key prefixes. */
/* 6: leaf blocks of one int. */
/* 7: two Int32 per slot (flags above the entity), folds led by their length, Title Case folds not stored. */
/* 8: the first-word table (first-word-table.ts); word bit sets sized by distinct first words. */
const SNAPSHOT_FORMAT = 8;

/** Int32 per slot in slotInfo. */
export const SLOT_STRIDE = 2;
/** The slot's first Int32 holds its entity index below this bit and its flags above. */
export const SLOT_FLAG_SHIFT = 26;
export const SLOT_ENTITY_MASK = (1 << SLOT_FLAG_SHIFT) - 1;
/** Flag bits of the CASE_* mode. */
export const SLOT_MODE_MASK = 3;
/** Same mode and fold as the previous slot of the group: same case verdict. */
export const SLOT_SAME_CASE = 4;
/** The pattern has exclude phrases. */
export const SLOT_EXCLUDES = 8;
/** The pattern's case-preserving fold is in keepWide (else in keepText). */
export const SLOT_WIDE_KEEP = 16;
/** The pattern's case-preserving fold is its trie key in Title Case (titleCaseAscii): not stored. */
export const SLOT_TITLE_KEEP = 32;
/** Longest fold kept in the one-byte keepText (its length is one character there). */
export const NARROW_KEEP_MAX = 0xff;

export interface MatcherData extends FoldTables {
  /**
   * The trie, laid out by trie-layout.ts. BLOCK_FLAG marks nodes below which some
   * name may start on a lower-case letter (see case-rules.ts): walks from a
   * lower-case letter stop at unflagged nodes.
   */
  readonly blocks: Int32Array;
  /** Where names' first words end in the trie, by hash (first-word-table.ts). */
  readonly firstWordSlots: Int32Array;
  /** The first-word table's records. */
  readonly firstWordText: string;
  /** Bit set of the hashes of names' first words (word-filter.ts). */
  readonly wordBits: Int32Array;
  /** The same for names that may start on a lower-case letter. */
  readonly lowerWordBits: Int32Array;
  readonly patternCount: number;
  /**
   * Per trie key (terminal index g): its patterns are the slots
   * groupStart[g] .. groupStart[g + 1] - 1, in input order.
   */
  readonly groupStart: Int32Array;
  /**
   * SLOT_STRIDE Int32 per slot: [entity index | (CASE_* mode | SLOT_* flags) << SLOT_FLAG_SHIFT,
   * offset of its case-preserving fold in keepText or keepWide]. The fold is stored only
   * where a case check reads it (slot-columns.ts), led by one character holding its length.
   */
  readonly slotInfo: Int32Array;
  /** Case-preserving folds whose characters are all ≤ U+00FF (and at most NARROW_KEEP_MAX), each led by its length, concatenated. */
  readonly keepText: string;
  /** The other case-preserving folds. */
  readonly keepWide: string;
  /** Entity keys after their last "/", concatenated (they are opaque: no separator is safe). */
  readonly entityKeyText: string;
  readonly entityKeyStart: Int32Array;
  /** Per entity, the index in entityPrefixes of what comes before (and with) its last "/". */
  readonly entityKeyPrefix: Uint16Array;
  readonly entityPrefixes: readonly string[];
  /** The slots that have exclude phrases, ascending. */
  readonly excludeSlots: Int32Array;
  /** Per entry of excludeSlots (+1): its phrases are excludes[excludeStart[i] .. excludeStart[i + 1]). */
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
  firstWordSlots: Int32Array,
  wordBits: Int32Array,
  lowerWordBits: Int32Array,
  groupStart: Int32Array,
  slotInfo: Int32Array,
  entityKeyStart: Int32Array,
  entityKeyPrefix: Uint16Array,
  excludeSlots: Int32Array,
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
    typeof d.keepText !== 'string' ||
    typeof d.keepWide !== 'string' ||
    typeof d.firstWordText !== 'string' ||
    !Array.isArray(d.entityPrefixes) ||
    typeof d.entityKeyText !== 'string' ||
    !Array.isArray(d.excludes)
  ) {
    throw new Error('Malformed matcher snapshot');
  }
  // The scan probes the first-word table with a mask: its length must be a power of two.
  const slots = (d.firstWordSlots as Int32Array).length;
  if (slots === 0 || (slots & (slots - 1)) !== 0) throw new Error('Malformed matcher snapshot: field firstWordSlots');
  return d as unknown as MatcherData;
}
