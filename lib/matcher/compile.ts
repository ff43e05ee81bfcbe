/**
 * Patterns → MatcherData: fold every name, group names that fold alike, build
 * the trie over the distinct folded keys.
 */
import { CASE_ANY, caseModeFromCounts, caseModeOf } from './case-rules';
import { CLS_LOWER } from './char-fold';
import { type FoldTables, getFoldTables } from './fold-tables';
import { astralClass, foldString } from './fold-text';
import type { MatcherData } from './matcher-data';
import { buildTrie } from './trie-build';
import { layoutBlocks } from './trie-layout';
import { firstWordHash, wordBitSet } from './word-filter';
import type { MatcherPattern } from './types';

/** Compiles patterns into plain data; empty or fold-to-nothing patterns are skipped. */
export function compileData(patterns: readonly MatcherPattern[]): MatcherData {
  const tables = getFoldTables();
  const groups = new Map<string, number[]>();
  const entityIndex = new Map<string, number>();
  const entityKeys: string[] = [];
  const patternEntity: number[] = [];
  const patternMode: number[] = [];
  const keeps: string[] = [];
  const excludeStart: number[] = [0];
  const excludes: string[] = [];
  const patternLowerStart: number[] = [];
  const wordHashes: number[] = [];
  const lowerWordHashes: number[] = [];

  for (const pattern of patterns) {
    if (typeof pattern?.text !== 'string') continue;
    let key: string;
    let keep: string;
    let mode = plainAsciiMode(pattern.text, pattern.caseSensitive);
    if (mode >= 0) {
      // Most names: folding plain ASCII is lower-casing (about 10× faster than the general path).
      keep = pattern.text;
      key = keep.toLowerCase();
    } else {
      key = foldString(tables, pattern.text);
      if (key === '') continue;
      keep = foldString(tables, pattern.text, true);
      mode = caseModeOf(keep, pattern.caseSensitive);
    }
    const index = keeps.length;
    keeps.push(keep);
    patternMode.push(mode);
    const lowerStart = mode === CASE_ANY || startsLower(tables, keep);
    patternLowerStart.push(lowerStart ? 1 : 0);
    const wordHash = firstWordHash(tables, key);
    if (wordHash !== undefined) {
      wordHashes.push(wordHash);
      if (lowerStart) lowerWordHashes.push(wordHash);
    }
    let entity = entityIndex.get(pattern.entityKey);
    if (entity === undefined) {
      entity = entityKeys.length;
      entityIndex.set(pattern.entityKey, entity);
      entityKeys.push(pattern.entityKey);
    }
    patternEntity.push(entity);
    for (const phrase of pattern.exclude ?? []) {
      const folded = foldString(tables, phrase);
      // A phrase that does not contain the name can never cover a match of it.
      if (folded.length > key.length && folded.includes(key)) excludes.push(folded);
    }
    excludeStart.push(excludes.length);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }

  const keys = [...groups.keys()].toSorted();
  const keyLowerStart = new Uint8Array(keys.length);
  keys.forEach((key, g) => {
    keyLowerStart[g] = groups.get(key)?.some((p) => patternLowerStart[p] === 1) ? 1 : 0;
  });
  const blocks = layoutBlocks(buildTrie(keys, keyLowerStart));
  const groupStart = new Int32Array(keys.length + 1);
  const groupPatterns = new Int32Array(keeps.length);
  let at = 0;
  keys.forEach((key, g) => {
    groupStart[g] = at;
    for (const p of groups.get(key) ?? []) groupPatterns[at++] = p;
  });
  groupStart[keys.length] = at;

  return {
    ...tables,
    blocks,
    wordBits: wordBitSet(wordHashes),
    lowerWordBits: wordBitSet(lowerWordHashes),
    patternCount: keeps.length,
    groupStart,
    groupPatterns,
    patternEntity: Int32Array.from(patternEntity),
    patternMode: Uint8Array.from(patternMode),
    patternKeepText: keeps.join(''),
    patternKeepStart: offsetsOf(keeps),
    entityKeyText: entityKeys.join(''),
    entityKeyStart: offsetsOf(entityKeys),
    excludeStart: Int32Array.from(excludeStart),
    excludes,
  };
}

const SPACE = 0x20;
const TILDE = 0x7e;

/**
 * The case mode of a name that is plain ASCII (printable, single inner spaces),
 * whose folds are then itself and its lower case; -1 for any other name.
 */
function plainAsciiMode(text: string, caseSensitive: boolean | undefined): number {
  const last = text.length - 1;
  let letters = 0;
  let upper = 0;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > TILDE || c < SPACE) return -1;
    if (c === SPACE && (i === 0 || i === last || text.charCodeAt(i - 1) === SPACE)) return -1;
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      letters++;
      if (c < 0x61) upper++;
    }
  }
  if (last < 0) return -1;
  return caseSensitive === undefined ? caseModeFromCounts(letters, letters, upper) : caseModeOf(text, caseSensitive);
}

/** Whether the first character of a case-preserving fold is a lower-case letter. */
function startsLower(tables: FoldTables, keep: string): boolean {
  const cp = keep.codePointAt(0) ?? 0;
  return ((cp > 0xffff ? astralClass(cp) : (tables.cls[cp] as number)) & CLS_LOWER) !== 0;
}

function offsetsOf(strings: readonly string[]): Int32Array {
  const out = new Int32Array(strings.length + 1);
  let at = 0;
  strings.forEach((s, i) => {
    out[i] = at;
    at += s.length;
  });
  out[strings.length] = at;
  return out;
}
