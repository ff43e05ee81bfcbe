/**
 * The per-pattern columns of MatcherData, in slot order (grouped by trie key), kept
 * small at a million names: a case-preserving fold is stored only where a case check
 * reads it, in a one-byte string when its characters allow (V8 stores such strings at a
 * byte per character, and so does IndexedDB); exclude phrases are indexed only for the
 * few slots that have them; entity keys share their pack prefix.
 */
import { CASE_ANY, isTitleCaseAscii } from './case-rules';
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
import type { NameFolds } from './name-folds';
import { stepDue, type Steps } from './steps';
import { UnitBuffer } from './unit-buffer';

export interface SlotInput {
  names: NameFolds;
  /** Group g's slots are groupStart[g] .. groupStart[g + 1] - 1 (one group per trie key). */
  groupStart: Int32Array;
  /** The name in each slot. */
  patternOfSlot: Int32Array;
}

type SlotColumns = Pick<MatcherData, 'slotInfo' | 'keepText' | 'keepWide' | 'excludeSlots' | 'excludeStart' | 'excludes'>;

const LATIN1_MAX = 0xff;

/** Whether two ranges of a unit buffer hold the same units. */
function sameUnits(units: Uint16Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (units[a + i] !== units[b + i]) return false;
  return true;
}

function isLatin1(units: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((units[i] as number) > LATIN1_MAX) return false;
  return true;
}

/** The slot columns: one contiguous record per pattern, read by candidate-checks.ts. */
export function* slotColumns(input: SlotInput): Steps<SlotColumns> {
  const { names, groupStart, patternOfSlot } = input;
  const { count, mode: patternMode, keepStart, keyStart } = names;
  const keeps = names.keeps.units;
  const keys = names.keys.units;
  const slotInfo = new Int32Array(SLOT_STRIDE * count);
  const narrow = new UnitBuffer();
  const wide = new UnitBuffer();
  const excludeSlots: number[] = [];
  const excludeStart: number[] = [0];
  const excludes: string[] = [];
  let group = 0;
  for (let s = 0; s < count; s++) {
    if (stepDue(s)) yield;
    while ((groupStart[group + 1] as number) <= s) group++;
    const p = patternOfSlot[s] as number;
    const keepFrom = keepStart[p] as number;
    const keepLength = (keepStart[p + 1] as number) - keepFrom;
    const mode = patternMode[p] as number;
    let flags = mode;
    if (s !== (groupStart[group] as number)) {
      const prev = patternOfSlot[s - 1] as number;
      const prevFrom = keepStart[prev] as number;
      if (patternMode[prev] === mode && (keepStart[prev + 1] as number) - prevFrom === keepLength && sameUnits(keeps, prevFrom, keepFrom, keepLength)) {
        flags |= SLOT_SAME_CASE;
      }
    }
    const firstExclude = names.excludeStart[p] as number;
    const lastExclude = names.excludeStart[p + 1] as number;
    if (lastExclude > firstExclude) {
      flags |= SLOT_EXCLUDES;
      excludeSlots.push(s);
      for (let x = firstExclude; x < lastExclude; x++) excludes.push(names.excludes[x] as string);
      excludeStart.push(excludes.length);
    }
    // A case check reads the fold unless the verdict is the previous slot's or case is ignored,
    // or the fold is the key in Title Case (rebuilt from the span then).
    let keepAt = 0;
    if (mode !== CASE_ANY && !(flags & SLOT_SAME_CASE)) {
      const keyFrom = keyStart[p] as number;
      // Led by its length (one character), so a slot needs no third int.
      if (isTitleCaseAscii(keeps, keepFrom, keepLength, keys, keyFrom, (keyStart[p + 1] as number) - keyFrom)) {
        flags |= SLOT_TITLE_KEEP;
      } else if (keepLength <= NARROW_KEEP_MAX && isLatin1(keeps, keepFrom, keepFrom + keepLength)) {
        keepAt = narrow.length;
        narrow.push(keepLength);
        for (let i = 0; i < keepLength; i++) narrow.push(keeps[keepFrom + i] as number);
      } else {
        flags |= SLOT_WIDE_KEEP;
        keepAt = wide.length;
        wide.push(keepLength);
        for (let i = 0; i < keepLength; i++) wide.push(keeps[keepFrom + i] as number);
      }
    }
    const entity = names.entity[p] as number;
    if (entity > SLOT_ENTITY_MASK) throw new Error(`Too many entities for the matcher (${entity + 1})`);
    slotInfo[SLOT_STRIDE * s] = entity | (flags << SLOT_FLAG_SHIFT);
    slotInfo[SLOT_STRIDE * s + 1] = keepAt;
  }
  return {
    slotInfo,
    keepText: narrow.text(),
    keepWide: wide.text(),
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
