/**
 * Where names' first words end in the trie, by the word's hash: the scan enters the trie
 * there instead of walking the word again from the root (scanner.ts).
 *
 * Why: most steps of a walk, and most of its cache misses, are in the trie's upper levels
 * (wide blocks far apart), reading the first word the scanner has just hashed
 * (word-filter.ts). One probe here and a comparison with the stored word replace them.
 * The table may leave words out (see MAX_WORDS): a word not found is walked from the root.
 *
 * Layout, kept small because it is part of the snapshot:
 * - `firstWordSlots`: open addressing with linear probing, one Int32 per slot:
 *   (offset of the word's record in `firstWordText` + 1) << TAG_BITS | the hash's top bits;
 *   0 is an empty slot. The tag spares reading the records of other words.
 * - `firstWordText`: records [length, folded units…, node offset in three 8-bit
 *   characters], so that the string keeps one byte per character in V8 and IndexedDB
 *   (words with a unit above U+00FF, few, are left out).
 */
import { CLS_WORD } from '../text/char-fold';
import { stepDue, type Steps } from './steps';
import { childOf } from './trie-layout';
import { finishWordHash, WORD_HASH_PRIME, WORD_HASH_SEED } from './word-filter';

export interface FirstWordTable {
  readonly firstWordSlots: Int32Array;
  readonly firstWordText: string;
}

/** Low bits of a slot: the top bits of the word's finished hash. */
const TAG_BITS = 8;
const TAG_SHIFT = 32 - TAG_BITS;
/**
 * At most this many words (2^17 slots at a load of 3/4: 0.5 MB of slots, about 1.1 MB of
 * records), those that begin the most names: at 1M names (130k distinct first words) the
 * whole table would push the snapshot over its 48 MB budget.
 */
const MAX_WORDS = 98_304;
const MAX_LOAD = 0.75;
/** Node offsets are stored in three bytes. */
const MAX_NODE = 1 << 24;
/** Record offsets must fit a slot above its tag. */
const MAX_TEXT = 1 << (31 - TAG_BITS);
const NARROW_MAX = 0xff;

interface Word {
  length: number;
  /** Where the word's units start in the keys' units. */
  at: number;
  names: number;
}

/** The sorted trie keys as the compile holds them (trie-build.ts's SortedKeys): key k is units[start[k] .. end[k]). */
export interface KeyUnits {
  readonly units: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Builds the table from the sorted trie keys (one pass: keys that share a first word are
 * adjacent) and the laid-out trie (one walk per distinct first word). `maxWords` is for tests.
 */
export function* firstWordTable(keys: KeyUnits, blocks: Int32Array, cls: Uint16Array, maxWords = MAX_WORDS): Steps<FirstWordTable> {
  const words: Word[] = [];
  const all = keys.units;
  let last: Word | undefined;
  for (let k = 0; k < keys.start.length; k++) {
    if (stepDue(k)) yield;
    const at = keys.start[k] as number;
    const keyLength = (keys.end[k] as number) - at;
    let length = 0;
    let narrow = true;
    for (; length < keyLength; length++) {
      const u = all[at + length] as number;
      if (!((cls[u] as number) & CLS_WORD)) break;
      if (u > NARROW_MAX) narrow = false;
    }
    if (length === 0 || length > NARROW_MAX || !narrow) continue;
    if (last && last.length === length && sameWord(all, last.at, at, length)) {
      last.names++;
      continue;
    }
    last = { length, at, names: 1 };
    words.push(last);
  }
  // The words that begin the most names are likelier in the text.
  const kept = words.length > maxWords ? words.toSorted((a, b) => b.names - a.names).slice(0, maxWords) : words;
  let size = 8;
  while (size * MAX_LOAD < kept.length) size *= 2;
  const slots = new Int32Array(size);
  const units = new Uint16Array(blocks.buffer, blocks.byteOffset, blocks.length * 2);
  let text = '';
  for (let w = 0; w < kept.length; w++) {
    if (stepDue(w)) yield;
    const word = kept[w] as Word;
    let node = 0;
    let h = WORD_HASH_SEED;
    for (let i = 0; i < word.length && node >= 0; i++) {
      const u = all[word.at + i] as number;
      node = childOf(blocks, units, node, u);
      h = Math.imul(h ^ u, WORD_HASH_PRIME);
    }
    if (node <= 0 || node >= MAX_NODE || text.length + word.length + 4 >= MAX_TEXT) continue;
    const x = finishWordHash(h);
    let s = x & (size - 1);
    while (slots[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = ((text.length + 1) << TAG_BITS) | (x >>> TAG_SHIFT);
    text +=
      String.fromCharCode(word.length) +
      String.fromCharCode(...all.subarray(word.at, word.at + word.length)) +
      String.fromCharCode(node & 0xff, (node >>> 8) & 0xff, node >>> 16);
  }
  return { firstWordSlots: slots, firstWordText: text };
}

function sameWord(units: Uint16Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (units[a + i] !== units[b + i]) return false;
  return true;
}

/**
 * The trie node that the text word [start, end) leads to, or -1 when the table does not
 * hold it. The word is plain: each unit folds to one word unit through `fold`.
 */
export function firstWordNode(table: FirstWordTable, fold: Uint16Array, x: number, text: string, start: number, end: number): number {
  const slots = table.firstWordSlots;
  const words = table.firstWordText;
  const mask = slots.length - 1;
  const tag = x >>> TAG_SHIFT;
  const length = end - start;
  for (let s = x & mask; ; s = (s + 1) & mask) {
    const slot = slots[s] as number;
    if (slot === 0) return -1;
    if ((slot & ((1 << TAG_BITS) - 1)) !== tag) continue;
    const at = slot >>> TAG_BITS;
    if (words.charCodeAt(at - 1) !== length) continue;
    let t = 0;
    while (t < length && words.charCodeAt(at + t) === fold[text.charCodeAt(start + t)]) t++;
    if (t === length) return words.charCodeAt(at + t) | (words.charCodeAt(at + t + 1) << 8) | (words.charCodeAt(at + t + 2) << 16);
  }
}
