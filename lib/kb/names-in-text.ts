/**
 * The names some text can contain, found without a matcher: an import compiles its mention
 * finder over these few instead of every name of the pack (at a million names the compile
 * alone took 10 s of CPU to find the mentions of 50,000 articles, docs/benchmarks.md).
 *
 * Why this loses no match: names and text are folded by the matcher's rules (lib/text) and
 * cut into words (runs of letters, digits and marks of scripts written with spaces). A name
 * that starts with such a word matches only at a word start of the folded text, whole words
 * only (lib/matcher/word-filter.ts), so its words are then words of the text, one after the
 * other. A name is kept when its first word occurs in the text and, if it has a second, when
 * the two occur one right after the other somewhere (whatever stands between: the matcher
 * makes spaces, hyphens and apostrophes equivalent). Names starting otherwise (punctuation,
 * a script written without spaces) are always kept. Words are compared by hash, so a
 * collision can only keep a name too many. Names that fold alike have the same words, so a
 * name is kept with every entity that shares it, its case rules and exclude phrases with it:
 * the matcher over the kept names finds what the full one finds in that text.
 */
import type { MatcherPattern } from '../matcher';
import { CLS_SPACE, CLS_WORD, CLS_ZERO, classOf, foldFull } from '../text/char-fold';
import { foldText } from '../text/fold';
import { perCodePoint } from '../text/per-code-point';

const ASCII_END = 0x80;
const isWordPoint = perCodePoint((cp) => (classOf(cp) & CLS_WORD) !== 0);
const ASCII_WORD = Uint8Array.from({ length: ASCII_END }, (_, c) => (isWordPoint(c) ? 1 : 0));
const NON_ASCII = /[^\p{ASCII}]/u;
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** Bits of a word set per word it is expected to hold: a few per cent of collisions. */
const BITS_PER_WORD = 16;
const MIN_BITS = 1 << 13;
/** 32 MB at most, reached from about 17 M words of text. */
const MAX_BITS = 1 << 28;
/** Characters per word of text, for sizing the sets. */
const CHARS_PER_WORD = 5;

/**
 * A symbol that is no word character but folds to word units ("™" → "tm", "ⓐ" → "a"): the
 * matcher's scanner may take it as a word boundary, the folded text as letters, so text
 * holding one is read both ways.
 */
const isOddSymbol = perCodePoint((cp) => {
  if (classOf(cp) & (CLS_WORD | CLS_ZERO | CLS_SPACE)) return false;
  return [...foldFull(cp)].some((unit) => isWordPoint(unit.codePointAt(0) as number));
});

/** The words of texts, and which word follows which, as hashes in two bit sets. */
export class TextWords {
  private readonly words: Int32Array;
  private readonly pairs: Int32Array;

  /** @param textLength characters of all the texts to come, to size the sets. */
  constructor(textLength: number) {
    this.words = bitSet(textLength / CHARS_PER_WORD);
    this.pairs = bitSet(textLength / CHARS_PER_WORD);
  }

  /** Adds the words of one text. */
  add(text: string): void {
    this.addFolded(foldText(text));
    if (NON_ASCII.test(text) && hasOddSymbol(text)) this.addFolded(foldText(withOddSymbolsAsSpaces(text)));
  }

  /** Whether a name can occur in the texts added (see the module's comment). */
  mayContain(name: string): boolean {
    const folded = foldText(name);
    const [first, second] = wordHashes(folded, 2);
    if (first === undefined) return true;
    if (!hasBit(this.words, first)) return false;
    return second === undefined || hasBit(this.pairs, pairHash(first, second));
  }

  private addFolded(folded: string): void {
    let previous: number | undefined;
    forEachWordHash(folded, Infinity, (hash) => {
      setBit(this.words, hash);
      if (previous !== undefined) setBit(this.pairs, pairHash(previous, hash));
      previous = hash;
    });
  }
}

/** The patterns whose name can occur in the texts of `words`, in their order. */
export function patternsTextCanMatch<P extends Pick<MatcherPattern, 'text'>>(patterns: readonly P[], words: TextWords): P[] {
  return patterns.filter((pattern) => words.mayContain(pattern.text));
}

/**
 * The hashes of the first `limit` words of a folded string; none when it does not start
 * with a word (after spaces), as the matcher finds such a name by other means.
 */
function wordHashes(folded: string, limit: number): number[] {
  const out: number[] = [];
  let start = 0;
  while (start < folded.length && folded.charCodeAt(start) === 0x20) start++;
  if (wordEnd(folded, start) === start) return out;
  forEachWordHash(folded, limit, (hash) => out.push(hash));
  return out;
}

/** Calls `each` with the hash of every word of a folded string, at most `limit` of them. */
function forEachWordHash(folded: string, limit: number, each: (hash: number) => void): void {
  let count = 0;
  for (let i = 0; i < folded.length && count < limit; ) {
    const end = wordEnd(folded, i);
    if (end === i) {
      i += (folded.codePointAt(i) as number) > 0xffff ? 2 : 1;
      continue;
    }
    let h = HASH_SEED;
    for (let u = i; u < end; u++) h = Math.imul(h ^ folded.charCodeAt(u), HASH_PRIME);
    each(finish(h));
    count++;
    i = end;
  }
}

/** The end of the run of word units that starts at `start` (`start` itself when there is none). */
function wordEnd(folded: string, start: number): number {
  let i = start;
  while (i < folded.length) {
    const unit = folded.charCodeAt(i);
    if (unit < ASCII_END) {
      if (ASCII_WORD[unit] === 0) break;
      i++;
      continue;
    }
    const cp = folded.codePointAt(i) as number;
    if (!isWordPoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x45d9f3b);
  return x ^ (x >>> 16);
}

function pairHash(first: number, second: number): number {
  return finish(Math.imul(first, HASH_PRIME) ^ second);
}

function bitSet(expectedWords: number): Int32Array {
  let bits = MIN_BITS;
  while (bits < expectedWords * BITS_PER_WORD && bits < MAX_BITS) bits *= 2;
  return new Int32Array(bits >>> 5);
}

function setBit(set: Int32Array, hash: number): void {
  const index = hash & (set.length * 32 - 1);
  set[index >>> 5] = (set[index >>> 5] as number) | (1 << (index & 31));
}

function hasBit(set: Int32Array, hash: number): boolean {
  const index = hash & (set.length * 32 - 1);
  return ((set[index >>> 5] as number) & (1 << (index & 31))) !== 0;
}

function hasOddSymbol(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= ASCII_END && isOddSymbol(cp)) return true;
  }
  return false;
}

function withOddSymbolsAsSpaces(text: string): string {
  let out = '';
  for (const ch of text) out += isOddSymbol(ch.codePointAt(0) as number) ? ' ' : ch;
  return out;
}
