/**
 * Checks of a trie candidate: which of the patterns that fold to the matched key
 * accept the span under their case rules (case-rules.ts) and exclude phrases (the
 * pack's own and common-phrases.ts),
 * and the entity keys they carry.
 */
import { caseAccepts, caseAcceptsPlain, CASE_ANY, titleCaseAscii } from './case-rules';
import { CLS_WORD, CLS_ZERO } from '../text/char-fold';
import { foldString, foldWithMap } from './fold-text';
import {
  type MatcherData,
  SLOT_ENTITY_MASK,
  SLOT_EXCLUDES,
  SLOT_FLAG_SHIFT,
  SLOT_MODE_MASK,
  SLOT_SAME_CASE,
  SLOT_STRIDE,
  SLOT_TITLE_KEEP,
  SLOT_WIDE_KEEP,
} from './matcher-data';

/** Window around a match, in characters beyond the phrase length, re-folded for exclusions. */
const EXCLUDE_MARGIN = 32;

/** Per-matcher state for checking candidates (caches of decoded entity keys). */
export class CandidateChecks {
  private readonly d: MatcherData;
  // Copied to fixed fields: a snapshot's data object may be in V8's slow
  // dictionary mode after structured clone.
  private readonly groupStart: Int32Array;
  private readonly slotInfo: Int32Array;
  private readonly keepText: string;
  private readonly keepWide: string;
  /** A dense array (not a sparse one, which V8 turns into a dictionary). */
  private readonly entityCache: (string | undefined)[];
  /** Per pattern of the group being checked: accepted or not. */
  private accepted = new Uint8Array(16);
  // Entity keys of recently accepted groups (readonly, shared by their spans), direct-mapped
  // by group: the group, the verdicts per pattern (undefined: all accepted), the keys.
  private readonly keysGroup = new Int32Array(KEYS_CACHE_SIZE).fill(-1);
  private readonly keysVerdicts: (Uint8Array | undefined)[] = Array.from({ length: KEYS_CACHE_SIZE }, () => undefined);
  private readonly keysCached: (readonly string[])[] = Array.from({ length: KEYS_CACHE_SIZE }, () => REJECTED);
  /** Verdicts on spans that are not plain ASCII, by the span's text (acceptedKeys). */
  private readonly verdicts = new Map<string, readonly string[]>();
  /** Whether the last checkSlots read text around the span (exclude phrases). */
  private readContext = false;

  constructor(data: MatcherData) {
    this.d = data;
    this.groupStart = data.groupStart;
    this.slotInfo = data.slotInfo;
    this.keepText = data.keepText;
    this.keepWide = data.keepWide;
    this.entityCache = Array.from({ length: data.entityKeyStart.length - 1 }, () => undefined);
  }

  /** Entity keys of the group's patterns that accept the span (case, exclusions), or undefined. */
  acceptedKeys(group: number, text: string, start: number, end: number): readonly string[] | undefined {
    if (plainSpan(text, start, end)) return this.checkSlots(group, text, start, end);
    // Other spans ("Zürich", a no-break space) take the slow case checks, which fold and
    // allocate: their verdicts are remembered by the span's text, which decides both the
    // group (its fold) and the case checks. Exclusions read around the span: not remembered.
    const span = text.slice(start, end);
    const known = this.verdicts.get(span);
    if (known !== undefined) return known === REJECTED ? undefined : known;
    const keys = this.checkSlots(group, text, start, end);
    if (!this.readContext) {
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      this.verdicts.set(span, keys ?? REJECTED);
    }
    return keys;
  }

  private checkSlots(group: number, text: string, start: number, end: number): readonly string[] | undefined {
    const info = this.slotInfo;
    this.readContext = false;
    const first = this.groupStart[group] as number;
    const size = (this.groupStart[group + 1] as number) - first;
    if (this.accepted.length < size) this.accepted = new Uint8Array(size * 2);
    const accepted = this.accepted;
    let count = 0;
    let spanKeep: string | undefined;
    let titleKeep: string | undefined;
    let lastOk = false;
    for (let g = 0; g < size; g++) {
      const at = SLOT_STRIDE * (first + g);
      const flags = (info[at] as number) >>> SLOT_FLAG_SHIFT;
      const mode = flags & SLOT_MODE_MASK;
      let ok = true;
      if (mode !== CASE_ANY) {
        // A name shared by many entities ("Springfield") repeats the same verdict.
        if (flags & SLOT_SAME_CASE) {
          ok = lastOk;
        } else {
          const title = (flags & SLOT_TITLE_KEEP) !== 0;
          const keepText = flags & SLOT_WIDE_KEEP ? this.keepWide : this.keepText;
          const lengthAt = info[at + 1] as number;
          const keepStart = lengthAt + 1;
          const keepEnd = title ? 0 : keepStart + keepText.charCodeAt(lengthAt);
          // A Title Case fold is not stored: the span, which folds to the group's key, gives it.
          const plain = caseAcceptsPlain(mode, keepText, keepStart, keepEnd, text, start, end, title);
          if (plain === undefined) {
            spanKeep ??= foldString(this.d, text.slice(start, end), true);
            if (title) titleKeep ??= titleCaseAscii(foldString(this.d, text.slice(start, end)));
            ok = caseAccepts(mode, title ? (titleKeep as string) : keepText.slice(keepStart, keepEnd), spanKeep);
          } else ok = plain;
        }
        lastOk = ok;
      }
      if (ok && flags & SLOT_EXCLUDES) {
        this.readContext = true;
        if (this.excluded(first + g, text, start, end)) ok = false;
      }
      accepted[g] = ok ? 1 : 0;
      if (ok) count++;
    }
    if (count === 0) return undefined;
    const all = count === size;
    const at = group & (KEYS_CACHE_SIZE - 1);
    if (this.keysGroup[at] === group) {
      const verdicts = this.keysVerdicts[at];
      if (all ? verdicts === undefined : verdicts !== undefined && sameVerdicts(verdicts, accepted, size)) {
        return this.keysCached[at];
      }
    }
    // A name shared by many entities has many slots: a Set, not includes, drops repeated keys.
    const seen = size > FEW_SLOTS ? new Set<string>() : undefined;
    const keys: string[] = [];
    for (let g = 0; g < size; g++) {
      if (accepted[g] !== 1) continue;
      const key = this.entityKey((info[SLOT_STRIDE * (first + g)] as number) & SLOT_ENTITY_MASK);
      if (seen ? seen.has(key) : keys.includes(key)) continue;
      seen?.add(key);
      keys.push(key);
    }
    this.keysGroup[at] = group;
    this.keysVerdicts[at] = all ? undefined : accepted.slice(0, size);
    this.keysCached[at] = Object.freeze(keys);
    return this.keysCached[at];
  }

  /**
   * Whether an occurrence of one of slot p's exclude phrases, as whole words, covers
   * [start, end). The text around the match is folded once for all its phrases.
   */
  private excluded(p: number, text: string, start: number, end: number): boolean {
    const d = this.d;
    const cls = d.cls;
    let coreEnd = end;
    while (coreEnd > start && (cls[text.charCodeAt(coreEnd - 1)] as number) & CLS_ZERO) coreEnd--;
    const entry = excludeEntry(d.excludeSlots, p);
    const first = d.excludeStart[entry] as number;
    const last = d.excludeStart[entry + 1] as number;
    let longest = 0;
    for (let x = first; x < last; x++) longest = Math.max(longest, (d.excludes[x] as string).length);
    const margin = longest + EXCLUDE_MARGIN;
    const from = Math.max(0, start - margin);
    const window = foldWithMap(d, text.slice(from, Math.min(text.length, end + margin)));
    for (let x = first; x < last; x++) {
      const phrase = d.excludes[x] as string;
      for (let at = window.text.indexOf(phrase); at >= 0; at = window.text.indexOf(phrase, at + 1)) {
        const s = from + (window.charStart[at] as number);
        const e = from + (window.charEnd[at + phrase.length - 1] as number);
        if (s > start || e < coreEnd) continue;
        // "Turkey leg" must not hide "Turkey legislation".
        const wordBefore = s > 0 && (cls[text.charCodeAt(s - 1)] as number) & CLS_WORD;
        const wordAfter = e < text.length && (cls[text.charCodeAt(e)] as number) & CLS_WORD;
        if (!wordBefore && !wordAfter) return true;
      }
    }
    return false;
  }

  /** The entity key of index e, decoded once. */
  private entityKey(e: number): string {
    let s = this.entityCache[e];
    if (s === undefined) {
      const { entityKeyStart: at, entityPrefixes, entityKeyPrefix } = this.d;
      s = (entityPrefixes[entityKeyPrefix[e] as number] as string) + this.d.entityKeyText.slice(at[e], at[e + 1]);
      this.entityCache[e] = s;
    }
    return s;
  }
}

/** A remembered verdict of "no pattern accepts this span". */
const REJECTED: readonly string[] = Object.freeze([]);
/** Groups whose entity keys are kept (a power of two). */
const KEYS_CACHE_SIZE = 1 << 13;
/** Up to this many slots, repeated entity keys are found by a linear search. */
const FEW_SLOTS = 8;

function sameVerdicts(a: Uint8Array, b: Uint8Array, size: number): boolean {
  for (let i = 0; i < size; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Spans remembered at most (the map is emptied when full): names repeat on a page. */
const MAX_VERDICTS = 4096;
const SPACE = 0x20;
const TILDE = 0x7e;

/** Whether text[start, end) is printable ASCII with single spaces: caseAcceptsPlain decides it alone. */
function plainSpan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < SPACE || c > TILDE || (c === SPACE && text.charCodeAt(i - 1) === SPACE)) return false;
  }
  return true;
}

/** Index of slot p in the ascending excludeSlots (p is known to be there). */
function excludeEntry(excludeSlots: Int32Array, p: number): number {
  let lo = 0;
  let hi = excludeSlots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((excludeSlots[mid] as number) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
