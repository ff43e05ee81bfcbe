/**
 * A word-level prefilter. A name of a spaced script can only start at a word
 * start, and its first word must then be the whole text word (word boundaries).
 * So the scanner hashes each text word's folded units while it skips over it
 * (it reads them anyway) and walks the trie only when a bit set says that some
 * name starts with a word of that hash. With 150k names most capitalized words
 * and nearly all lower-case words are rejected by one read of a bit set that fits
 * in cache, instead of a trie walk whose every step is a cache miss.
 *
 * The hash is FNV-1a over folded UTF-16 units (an expansion contributes each of
 * its units; ignorable characters contribute nothing), then a finalizing mix.
 */
import { CLS_WORD } from '../text/char-fold';
import type { FoldTables } from './fold-tables';

export const WORD_HASH_SEED = 0x811c9dc5 | 0;
export const WORD_HASH_PRIME = 0x01000193;
/** Bits per distinct first word: about 6% false positives. */
const BITS_PER_WORD = 16;
// Small sets stay sparse too: a frequent word that collides (say "s") costs a walk every time.
const MIN_BITS = 1 << 13;
const MAX_BITS = 1 << 23;

/** The finalizing mix applied to a word hash before indexing the bit set. */
export function finishWordHash(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x45d9f3b);
  return x ^ (x >>> 16);
}

/**
 * Hash of the first word of a folded name (units[start .. end)): its longest prefix of letter and
 * digit units of spaced scripts. Undefined when the name does not start with
 * one (such names are found through the other start paths of the scanner).
 *
 * Why the folded name and not its characters: the text may spell it with other
 * characters that fold alike ("𝐀" and "A"). The scanner hashes a text word's
 * folded units and trusts the result only when every unit is a word unit and
 * the character after the word folds to a non-word unit (otherwise CLS_ODD or
 * an astral character makes it walk); then the text word's units are exactly
 * this prefix of any name that matches there.
 */
export function firstWordHash(t: FoldTables, units: Uint16Array, start: number, end: number): number | undefined {
  let h = WORD_HASH_SEED;
  let i = start;
  for (; i < end; i++) {
    const u = units[i] as number;
    if (!((t.cls[u] as number) & CLS_WORD)) break;
    h = Math.imul(h ^ u, WORD_HASH_PRIME);
  }
  return i === start ? undefined : finishWordHash(h);
}

/**
 * A bit set over finished hashes; its length is a power of two times 32. Sized by the
 * distinct hashes (many names share a first word): the smaller the set, the likelier
 * the scan finds its word in cache.
 */
export function wordBitSet(hashes: readonly number[]): Int32Array {
  const distinct = new Set(hashes).size;
  let bits = MIN_BITS;
  while (bits < distinct * BITS_PER_WORD && bits < MAX_BITS) bits *= 2;
  const set = new Int32Array(bits >>> 5);
  for (const h of hashes) {
    const index = h & (bits - 1);
    set[index >>> 5] = (set[index >>> 5] as number) | (1 << (index & 31));
  }
  return set;
}
