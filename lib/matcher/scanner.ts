/**
 * The scan: leftmost-longest matching of the flat trie against text folded on
 * the fly.
 *
 * Names of spaced scripts can only start where a word starts, so instead of an
 * Aho–Corasick automaton (which steps through every position) the scanner runs
 * through lower-case words no name starts with, spaces and punctuation with one
 * read of a step table per character and no branch on word boundaries
 * (start-table.ts stepTable); a word that may start a name is skipped hashing
 * its folded units (word-filter.ts), and the trie (trie-layout.ts) is walked
 * only when some name begins with such a word, from the node where the word ends
 * (first-word-table.ts) when the table holds it, else from the root. The first start
 * with an accepted candidate wins and its longest accepted candidate is taken,
 * which is exactly leftmost-longest, with no failure links or output lists to
 * store. Scripts written without spaces, punctuation and astral characters are
 * tried wherever the table says a name can start with them.
 */
import { CandidateChecks } from './candidate-checks';
import { CLS_EXPAND, CLS_HIGH, CLS_LOWER, CLS_ODD, CLS_SPACE, CLS_WORD, CLS_ZERO } from '../text/char-fold';
import { astralClass, astralFold, wordUnitAt } from './fold-text';
import { type MatcherData, toSnapshot } from './matcher-data';
import { CLASS_SHIFT, CLS_START, FOLD_MASK, foldClassTable, STEP_NAME_START, STEP_STOP, STEP_WORD, startClassTable, stepTable } from './start-table';
import { BLOCK_FLAG, BLOCK_TERMINAL, childOf, keyOf, rootChildren } from './trie-layout';
import type { Matcher, MatchSpan, MatcherSnapshot } from './types';
import { type FirstWordTable, firstWordNode } from './first-word-table';
import { WalkCandidates } from './walk-candidates';
import { finishWordHash, WORD_HASH_PRIME, WORD_HASH_SEED } from './word-filter';

const SPACE_UNIT = 0x20;

/** A compiled matcher over MatcherData. */
export class FlatMatcher implements Matcher {
  readonly patternCount: number;
  private readonly d: MatcherData;
  /** The class table plus CLS_START for this matcher's names. */
  private readonly cls: Uint16Array;
  /** STEP_* per unit (start-table.ts): what the scan's fast loop does with it. */
  private readonly steps: Uint8Array;
  /** Class and fold per unit in one Int32 (start-table.ts foldClassTable). */
  private readonly foldCls: Int32Array;
  private readonly fold: Uint16Array;
  private readonly blocks: Int32Array;
  /** The same buffer as `blocks`, for the labels. */
  private readonly units: Uint16Array;
  // Fields of `d` used per walk, copied to fixed fields: a snapshot's data object
  // may be in V8's slow dictionary mode after structured clone.
  private readonly expansionStart: Int32Array;
  private readonly expansionUnits: Uint16Array;
  /** Offset of the root's child per first folded unit (0 = none). */
  private readonly rootChild: Int32Array;
  /** Case, exclusion and entity-key checks of candidates. */
  private readonly checks: CandidateChecks;
  /** Where names' first words end in the trie (first-word-table.ts). */
  private readonly firstWords: FirstWordTable;
  private readonly cand = new WalkCandidates();
  private lastEndedWord = false;

  constructor(data: MatcherData) {
    this.d = data;
    this.checks = new CandidateChecks(data);
    this.expansionStart = data.expansionStart;
    this.expansionUnits = data.expansionUnits;
    this.patternCount = data.patternCount;
    this.fold = data.fold;
    this.blocks = data.blocks;
    this.units = new Uint16Array(data.blocks.buffer, data.blocks.byteOffset, data.blocks.length * 2);
    this.rootChild = rootChildren(this.blocks, this.units);
    this.cls = startClassTable(data, this.rootChild);
    this.steps = stepTable(this.cls);
    this.foldCls = foldClassTable(this.cls, this.fold);
    this.firstWords = { firstWordSlots: data.firstWordSlots, firstWordText: data.firstWordText };
  }

  snapshot(): MatcherSnapshot {
    return toSnapshot(this.d);
  }

  scan(text: string): MatchSpan[] {
    const cls = this.cls;
    const steps = this.steps;
    const fold = this.fold;
    const foldCls = this.foldCls;
    const { expansionStart, expansionUnits } = this;
    const { wordBits, lowerWordBits } = this.d;
    const wordMask = wordBits.length * 32 - 1;
    const lowerMask = lowerWordBits.length * 32 - 1;
    const out: MatchSpan[] = [];
    const n = text.length;
    // Whether the last non-ignorable character was a letter or digit of a spaced script.
    let prevWord = false;
    let i = 0;
    while (i < n) {
      // Run through lower-case words no name starts with, spaces and punctuation, with no
      // branch on word boundaries (they are unpredictable, and cost more than the reads):
      // stop where a word may start a name, or at a character the loop below must see.
      let inWord: number = prevWord ? STEP_WORD : 0;
      for (;;) {
        const step = steps[text.charCodeAt(i)] as number;
        if (step & (STEP_STOP | (STEP_NAME_START & ~(inWord << 1)))) break;
        inWord = step & STEP_WORD;
        if (++i >= n) break;
      }
      prevWord = inWord !== 0;
      if (i >= n) break;
      let c = text.charCodeAt(i);
      let k = cls[c] as number;
      if (k & CLS_ZERO) {
        // Ignorable characters (marks, soft hyphens) neither start nor end a word.
        i++;
        continue;
      }
      if ((k & (CLS_WORD | CLS_LOWER | CLS_START)) === (CLS_WORD | CLS_LOWER)) {
        // Most words of prose: lower-case, and no name may start in lower case with
        // this letter (CLS_START unset). Skip without hashing.
        while (++i < n && (cls[text.charCodeAt(i)] as number) & (CLS_WORD | CLS_ZERO));
        prevWord = true;
        continue;
      }
      if (k & CLS_WORD) {
        // A whole word: hash its folded units while skipping it (see word-filter.ts).
        const start = i;
        const startCls = k;
        let odd = 0;
        let h = WORD_HASH_SEED;
        // One read per unit: its class above, its fold below (foldClass).
        let fk = foldCls[c] as number;
        for (;;) {
          if (k & (CLS_EXPAND | CLS_ZERO | CLS_ODD)) {
            // Rare inside words; CLS_HIGH ends a word, so CLS_ODD is all `odd` needs to keep.
            odd |= k;
            if (k & CLS_EXPAND) {
              const f = fk & FOLD_MASK;
              for (let u = expansionStart[f] as number, e = expansionStart[f + 1] as number; u < e; u++) {
                h = Math.imul(h ^ (expansionUnits[u] as number), WORD_HASH_PRIME);
              }
            } else if (!(k & CLS_ZERO)) {
              h = Math.imul(h ^ (fk & FOLD_MASK), WORD_HASH_PRIME);
            }
          } else {
            h = Math.imul(h ^ (fk & FOLD_MASK), WORD_HASH_PRIME);
          }
          if (++i >= n) break;
          fk = foldCls[text.charCodeAt(i)] as number;
          k = fk >>> CLASS_SHIFT;
          if (!(k & (CLS_WORD | CLS_ZERO))) break;
        }
        if (!prevWord) {
          // Words next to astral or odd characters are rare: walk without the filter.
          const walk = ((odd | (i < n ? k : 0)) & (CLS_HIGH | CLS_ODD)) !== 0;
          let end = -1;
          if (!walk) {
            const x = finishWordHash(h);
            const maybe =
              startCls & CLS_LOWER
                ? (((lowerWordBits[(x & lowerMask) >>> 5] as number) >>> (x & 31)) & 1) === 1
                : (((wordBits[(x & wordMask) >>> 5] as number) >>> (x & 31)) & 1) === 1;
            if (maybe) {
              // A plain word enters the trie where it ends, if the table holds it.
              const node = odd & (CLS_EXPAND | CLS_ZERO) ? -1 : firstWordNode(this.firstWords, fold, x, text, start, i);
              end = node > 0 ? this.matchAt(text, start, startCls, out, node, i) : this.matchAt(text, start, startCls, out);
            }
          } else end = this.matchAt(text, start, startCls, out);
          if (end >= 0) {
            i = end;
            prevWord = this.lastEndedWord;
            continue;
          }
        }
        prevWord = true;
        continue;
      }
      let width = 1;
      if (k & CLS_HIGH) {
        const lo = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (lo < 0xdc00 || lo > 0xdfff) {
          prevWord = false;
          i++;
          continue;
        }
        k = astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
        width = 2;
        // Astral characters are rare: always walk (unless inside a word).
        if (!(k & CLS_ZERO) && !(prevWord && k & CLS_WORD)) k |= CLS_START;
      }
      if (k & CLS_START) {
        const end = this.matchAt(text, i, k, out);
        if (end >= 0) {
          i = end;
          prevWord = this.lastEndedWord;
          continue;
        }
      }
      // Ignorable characters (marks, soft hyphens) do not end a word.
      if (!(k & CLS_ZERO)) prevWord = (k & CLS_WORD) !== 0;
      i += width;
    }
    return out;
  }

  /**
   * Walks the trie for a match from `start`, from node `from`, which the text from `start` to
   * `at` leads to (the root, or a first word's node and the word's end); on an accepted
   * match pushes it and returns its end, else -1.
   */
  private matchAt(text: string, start: number, startCls: number, out: MatchSpan[], from = 0, at = start): number {
    const cls = this.cls;
    const fold = this.fold;
    const blocks = this.blocks;
    const units = this.units;
    // A name that is not written in lower case cannot start on a lower-case letter:
    // leave the walk as soon as no such name remains below the node.
    const needFlag = startCls & CLS_LOWER ? BLOCK_FLAG : 0;
    const n = text.length;
    let node = from;
    let count = 0;
    let inSpace = false;
    let j = at;
    if (node !== 0) {
      const header = blocks[node] as number;
      if ((header & needFlag) !== needFlag) return -1;
      if (header & BLOCK_TERMINAL) this.cand.push(count++, node, j, true);
    }
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
        if (count > 0 && this.cand.end[count - 1] === j) this.cand.end[count - 1] = j + width;
        j += width;
        continue;
      }
      if (k & CLS_SPACE) {
        j += width;
        if (inSpace) continue;
        inSpace = true;
        node = childOf(blocks, units, node, SPACE_UNIT);
        if (node < 0 || ((blocks[node] as number) & needFlag) !== needFlag) break;
        continue;
      }
      inSpace = false;
      if (width === 2) {
        for (let u = 0; u < astral.length; u++) {
          node = childOf(blocks, units, node, astral.charCodeAt(u));
          if (node < 0) break walk;
        }
      } else if (k & CLS_EXPAND) {
        const { expansionStart, expansionUnits } = this;
        const f = fold[c] as number;
        for (let u = expansionStart[f] as number, e = expansionStart[f + 1] as number; u < e; u++) {
          node = childOf(blocks, units, node, expansionUnits[u] as number);
          if (node < 0) break walk;
        }
      } else if (node === 0) {
        node = this.rootChild[fold[c] as number] as number;
        if (node === 0) break;
      } else {
        node = childOf(blocks, units, node, fold[c] as number);
        if (node < 0) break;
      }
      const header = blocks[node] as number;
      if ((header & needFlag) !== needFlag) break;
      j += width;
      if (header & BLOCK_TERMINAL) this.cand.push(count++, node, j, (k & CLS_WORD) !== 0);
    }
    for (let ci = count - 1; ci >= 0; ci--) {
      const end = this.cand.end[ci] as number;
      const endsWord = this.cand.word[ci] === 1;
      if (endsWord && wordUnitAt(this.cls, text, end)) continue;
      const group = keyOf(blocks, this.cand.node[ci] as number);
      const keys = this.checks.acceptedKeys(group, text, start, end);
      if (keys) {
        out.push({ start, end, entityKeys: keys });
        this.lastEndedWord = endsWord;
        return end;
      }
    }
    return -1;
  }
}
