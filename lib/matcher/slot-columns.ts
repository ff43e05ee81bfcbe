/**
 * The per-pattern columns of MatcherData, in slot order (grouped by trie key), kept
 * small at a million names: a case-preserving fold is stored only where a case check
 * reads it, in a one-byte string when its characters allow (V8 stores such strings at a
 * byte per character, and so does IndexedDB); exclude phrases are indexed only for the
 * few slots that have them; entity keys share their pack prefix.
 */
import { CASE_ANY, titleCaseAscii } from './case-rules';
import {
  type MatcherData,
  NARROW_KEEP_MAX,
  SLOT_ENTITY_MASK,
  SLOT_EXCLUDES,
  SLOT_FLAG_SHIFT,
  SLOT_SAME_CASE,
  SLOT_STRIDE,
  SLOT_TITLE_KEEP,
  SLOT_WIDE_KEEP,
} from './matcher-data';
import { stepDue, type Steps } from './steps';

export interface SlotInput {
  count: number;
  /** The trie keys, one per group. */
  keys: readonly string[];
  groupStart: Int32Array;
  patternOfSlot: Int32Array;
  keeps: readonly string[];
  patternEntity: Int32Array;
  patternMode: Uint8Array;
  /** Per pattern (+1): its exclude phrases are excludes[excludeStart[p] .. excludeStart[p + 1]). */
  excludeStart: readonly number[];
  excludes: readonly string[];
}

type SlotColumns = Pick<MatcherData, 'slotInfo' | 'keepText' | 'keepWide' | 'excludeSlots' | 'excludeStart' | 'excludes'>;

const LATIN1_MAX = 0xff;

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > LATIN1_MAX) return false;
  return true;
}

/** The slot columns: one contiguous record per pattern, read by candidate-checks.ts. */
export function* slotColumns(input: SlotInput): Steps<SlotColumns> {
  const { count, keys, groupStart, patternOfSlot, keeps, patternEntity, patternMode } = input;
  const slotInfo = new Int32Array(SLOT_STRIDE * count);
  const narrow: string[] = [];
  const wide: string[] = [];
  let narrowAt = 0;
  let wideAt = 0;
  const excludeSlots: number[] = [];
  const excludeStart: number[] = [0];
  const excludes: string[] = [];
  let group = 0;
  for (let s = 0; s < count; s++) {
    if (stepDue(s)) yield;
    while ((groupStart[group + 1] as number) <= s) group++;
    const p = patternOfSlot[s] as number;
    const keep = keeps[p] as string;
    const mode = patternMode[p] as number;
    let flags = mode;
    if (s !== (groupStart[group] as number)) {
      const prev = patternOfSlot[s - 1] as number;
      if (patternMode[prev] === mode && keeps[prev] === keep) flags |= SLOT_SAME_CASE;
    }
    const firstExclude = input.excludeStart[p] as number;
    const lastExclude = input.excludeStart[p + 1] as number;
    if (lastExclude > firstExclude) {
      flags |= SLOT_EXCLUDES;
      excludeSlots.push(s);
      for (let x = firstExclude; x < lastExclude; x++) excludes.push(input.excludes[x] as string);
      excludeStart.push(excludes.length);
    }
    // A case check reads the fold unless the verdict is the previous slot's or case is ignored,
    // or the fold is the key in Title Case (rebuilt from the span then).
    let keepAt = 0;
    if (mode !== CASE_ANY && !(flags & SLOT_SAME_CASE)) {
      // Led by its length (one character), so a slot needs no third int.
      if (keep === titleCaseAscii(keys[group] as string)) {
        flags |= SLOT_TITLE_KEEP;
      } else if (keep.length <= NARROW_KEEP_MAX && isLatin1(keep)) {
        keepAt = narrowAt;
        narrow.push(String.fromCharCode(keep.length), keep);
        narrowAt += keep.length + 1;
      } else {
        flags |= SLOT_WIDE_KEEP;
        keepAt = wideAt;
        wide.push(String.fromCharCode(keep.length), keep);
        wideAt += keep.length + 1;
      }
    }
    const entity = patternEntity[p] as number;
    if (entity > SLOT_ENTITY_MASK) throw new Error(`Too many entities for the matcher (${entity + 1})`);
    slotInfo[SLOT_STRIDE * s] = entity | (flags << SLOT_FLAG_SHIFT);
    slotInfo[SLOT_STRIDE * s + 1] = keepAt;
  }
  return {
    slotInfo,
    keepText: narrow.join(''),
    keepWide: wide.join(''),
    excludeSlots: Int32Array.from(excludeSlots),
    excludeStart: Int32Array.from(excludeStart),
    excludes,
  };
}

type EntityColumns = Pick<MatcherData, 'entityKeyText' | 'entityKeyStart' | 'entityKeyPrefix' | 'entityPrefixes'>;

/** Most prefixes kept apart; keys beyond are stored whole (prefix 0, the empty one). */
const MAX_PREFIXES = 0xffff;

/**
 * Entity keys as the text after their last "/" plus the index of what comes before it
 * (`packId/`), which a pack's keys share: 1M names' keys take a third of the room.
 */
export function* entityKeyColumns(keys: readonly string[]): Steps<EntityColumns> {
  const prefixes = [''];
  const prefixIndex = new Map<string, number>([['', 0]]);
  const entityKeyPrefix = new Uint16Array(keys.length);
  const entityKeyStart = new Int32Array(keys.length + 1);
  const parts: string[] = [];
  let at = 0;
  for (let e = 0; e < keys.length; e++) {
    if (stepDue(e)) yield;
    const key = keys[e] as string;
    const cut = key.lastIndexOf('/') + 1;
    const prefix = key.slice(0, cut);
    let index = prefixIndex.get(prefix);
    if (index === undefined && prefixes.length < MAX_PREFIXES) {
      index = prefixes.length;
      prefixIndex.set(prefix, index);
      prefixes.push(prefix);
    }
    const suffix = index === undefined ? key : key.slice(cut);
    entityKeyPrefix[e] = index ?? 0;
    entityKeyStart[e] = at;
    parts.push(suffix);
    at += suffix.length;
  }
  entityKeyStart[keys.length] = at;
  return { entityKeyText: parts.join(''), entityKeyStart, entityKeyPrefix, entityPrefixes: prefixes };
}
