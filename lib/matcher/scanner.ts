/**
 * The scan: leftmost-longest matching of the flat trie against text folded on
 * the fly.
 *
 * Names of spaced scripts can only start where a word starts, so instead of an
 * Aho–Corasick automaton (which tracks every position) the scanner skips the
 * inside of words with one table read per character and walks the trie from
 * each possible start. The first start with an accepted candidate wins and its
 * longest accepted candidate is taken, which is exactly leftmost-longest, with
 * no failure links or output lists to store. Scripts written without spaces
 * are tried at every character.
 */
import { caseAccepts, CASE_ANY } from './case-rules';
import { CLS_EXPAND, CLS_HIGH, CLS_SPACE, CLS_WORD, CLS_ZERO } from './char-fold';
import { astralClass, astralFold, foldString, foldWithMap } from './fold-text';
import type { MatcherData } from './matcher-data';
import { toSnapshot } from './matcher-data';
import type { Matcher, MatchSpan, MatcherSnapshot } from './types';

const SPACE_UNIT = 0x20;
/** Linear scan below this many children, binary search above. */
const LINEAR_CHILDREN = 8;
/** Window around a match, in characters beyond the phrase length, re-folded for exclusions. */
const EXCLUDE_MARGIN = 32;

/** Child of `node` labelled `c`, or -1. */
function childOf(childStart: Int32Array, label: Uint16Array, node: number, c: number): number {
  let lo = childStart[node] as number;
  let hi = childStart[node + 1] as number;
  if (hi - lo <= LINEAR_CHILDREN) {
    for (; lo < hi; lo++) {
      const l = label[lo] as number;
      if (l >= c) return l === c ? lo : -1;
    }
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = label[mid] as number;
    if (l < c) lo = mid + 1;
    else if (l > c) hi = mid;
    else return mid;
  }
  return -1;
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A compiled matcher over MatcherData. */
export class FlatMatcher implements Matcher {
  readonly patternCount: number;
  private readonly d: MatcherData;
  /** Root child per first folded unit (0 = none): most starts fail on this one read. */
  private readonly rootChild: Int32Array;
  private readonly keepCache: (string | undefined)[] = [];
  private readonly entityCache: (string | undefined)[] = [];
  // Candidates of the current walk, reused across calls.
  private candNode = new Int32Array(64);
  private candEnd = new Int32Array(64);
  private candWord = new Uint8Array(64);
  private lastEndedWord = false;

  constructor(data: MatcherData) {
    this.d = data;
    this.patternCount = data.patternCount;
    this.rootChild = new Int32Array(0x10000);
    const end = data.childStart[1] as number;
    for (let v = data.childStart[0] as number; v < end; v++) this.rootChild[data.label[v] as number] = v;
  }

  snapshot(): MatcherSnapshot {
    return toSnapshot(this.d);
  }

  scan(text: string): MatchSpan[] {
    const { cls, fold } = this.d;
    const rootChild = this.rootChild;
    const out: MatchSpan[] = [];
    const n = text.length;
    let prevWord = false;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let k = cls[c] as number;
      let width = 1;
      if (k & CLS_HIGH) {
        const lo = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          k = astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
          width = 2;
        } else k = 0;
      }
      // Ignorable characters do not end a word; inside a word nothing can start.
      if (k & CLS_ZERO || (k & CLS_WORD && prevWord)) {
        i += width;
        continue;
      }
      if (!(k & CLS_SPACE)) {
        const quickFail = width === 1 && !(k & CLS_EXPAND) && rootChild[fold[c] as number] === 0;
        if (!quickFail) {
          const end = this.matchAt(text, i, out);
          if (end > 0) {
            i = end;
            prevWord = this.lastEndedWord;
            continue;
          }
        }
      }
      prevWord = (k & CLS_WORD) !== 0;
      i += width;
    }
    return out;
  }

  /** Walks the trie from `start`; on an accepted match pushes it and returns its end, else -1. */
  private matchAt(text: string, start: number, out: MatchSpan[]): number {
    const { cls, fold, childStart, label, terminal, expansionStart, expansionUnits } = this.d;
    const n = text.length;
    let node = 0;
    let count = 0;
    let inSpace = false;
    let j = start;
    walk: while (j < n) {
      const c = text.charCodeAt(j);
      let k = cls[c] as number;
      let width = 1;
      let astral = '';
      if (k & CLS_HIGH) {
        const lo = j + 1 < n ? text.charCodeAt(j + 1) : 0;
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          const cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          k = astralClass(cp);
          astral = astralFold(cp);
          width = 2;
        } else k = 0;
      }
      if (k & CLS_ZERO) {
        // Marks after a name belong to its last letter: extend the candidate over them.
        if (count > 0 && this.candEnd[count - 1] === j) this.candEnd[count - 1] = j + width;
        j += width;
        continue;
      }
      if (k & CLS_SPACE) {
        j += width;
        if (inSpace) continue;
        inSpace = true;
        node = childOf(childStart, label, node, SPACE_UNIT);
        if (node < 0) break;
        continue;
      }
      inSpace = false;
      if (width === 2) {
        for (let u = 0; u < astral.length; u++) {
          node = childOf(childStart, label, node, astral.charCodeAt(u));
          if (node < 0) break walk;
        }
      } else if (k & CLS_EXPAND) {
        const f = fold[c] as number;
        for (let u = expansionStart[f] as number, e = expansionStart[f + 1] as number; u < e; u++) {
          node = childOf(childStart, label, node, expansionUnits[u] as number);
          if (node < 0) break walk;
        }
      } else {
        node =
          node === 0 ? this.rootChild[fold[c] as number] || -1 : childOf(childStart, label, node, fold[c] as number);
        if (node < 0) break;
      }
      j += width;
      if ((terminal[node] as number) >= 0) this.pushCandidate(count++, node, j, (k & CLS_WORD) !== 0);
    }
    for (let ci = count - 1; ci >= 0; ci--) {
      const end = this.candEnd[ci] as number;
      const endsWord = this.candWord[ci] === 1;
      if (endsWord && this.wordAt(text, end)) continue;
      const keys = this.acceptedKeys(terminal[this.candNode[ci] as number] as number, text, start, end);
      if (keys) {
        out.push({ start, end, entityKeys: keys });
        this.lastEndedWord = endsWord;
        return end;
      }
    }
    return -1;
  }

  private pushCandidate(at: number, node: number, end: number, word: boolean): void {
    if (at === this.candNode.length) {
      this.candNode = grow(this.candNode, new Int32Array(at * 2));
      this.candEnd = grow(this.candEnd, new Int32Array(at * 2));
      this.candWord = grow(this.candWord, new Uint8Array(at * 2));
    }
    this.candNode[at] = node;
    this.candEnd[at] = end;
    this.candWord[at] = word ? 1 : 0;
  }

  /** Whether a letter, digit or mark of a spaced script starts at `i` (a word continues). */
  private wordAt(text: string, i: number): boolean {
    if (i >= text.length) return false;
    const c = text.charCodeAt(i);
    let k = this.d.cls[c] as number;
    if (k & CLS_HIGH) {
      const lo = text.charCodeAt(i + 1);
      k = lo >= 0xdc00 && lo <= 0xdfff ? astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000) : 0;
    }
    return (k & CLS_WORD) !== 0;
  }

  /** Entity keys of the group's patterns that accept the span (case, exclusions), or undefined. */
  private acceptedKeys(group: number, text: string, start: number, end: number): string[] | undefined {
    const d = this.d;
    let keys: string[] | undefined;
    let spanKeep: string | undefined;
    for (let g = d.groupStart[group] as number, ge = d.groupStart[group + 1] as number; g < ge; g++) {
      const p = d.groupPatterns[g] as number;
      const mode = d.patternMode[p] as number;
      if (mode !== CASE_ANY) {
        const keep = this.patternKeep(p);
        // Fast path: the text is the pattern as written.
        if (!(end - start === keep.length && text.startsWith(keep, start))) {
          spanKeep ??= foldString(d, text.slice(start, end), true);
          if (!caseAccepts(mode, keep, spanKeep)) continue;
        }
      }
      if (d.excludeStart[p] !== d.excludeStart[p + 1] && this.excluded(p, text, start, end)) continue;
      const key = this.entityKey(d.patternEntity[p] as number);
      if (!keys) keys = [key];
      else if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  /** Whether an occurrence of one of pattern p's exclude phrases covers [start, end). */
  private excluded(p: number, text: string, start: number, end: number): boolean {
    const d = this.d;
    let coreEnd = end;
    while (coreEnd > start && (d.cls[text.charCodeAt(coreEnd - 1)] as number) & CLS_ZERO) coreEnd--;
    for (let x = d.excludeStart[p] as number, xe = d.excludeStart[p + 1] as number; x < xe; x++) {
      const phrase = d.excludes[x] as string;
      const margin = phrase.length + EXCLUDE_MARGIN;
      const from = Math.max(0, start - margin);
      const window = foldWithMap(d, text.slice(from, Math.min(text.length, end + margin)));
      for (let at = window.text.indexOf(phrase); at >= 0; at = window.text.indexOf(phrase, at + 1)) {
        const s = from + (window.charStart[at] as number);
        const e = from + (window.charEnd[at + phrase.length - 1] as number);
        if (s <= start && e >= coreEnd) return true;
      }
    }
    return false;
  }

  private patternKeep(p: number): string {
    let s = this.keepCache[p];
    if (s === undefined) {
      const at = this.d.patternKeepStart;
      s = this.d.patternKeepText.slice(at[p], at[p + 1]);
      this.keepCache[p] = s;
    }
    return s;
  }

  private entityKey(e: number): string {
    let s = this.entityCache[e];
    if (s === undefined) {
      const at = this.d.entityKeyStart;
      s = this.d.entityKeyText.slice(at[e], at[e + 1]);
      this.entityCache[e] = s;
    }
    return s;
  }
}
