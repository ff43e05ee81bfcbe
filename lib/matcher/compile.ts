/**
 * Patterns → MatcherData: fold every name, group names that fold alike, build
 * the trie over the distinct folded keys.
 */
import { CASE_ANY, caseModeFromCounts, caseModeOf } from './case-rules';
import { CLS_CASED, CLS_HIGH, CLS_LETTER, CLS_LOWER, CLS_UPPER } from '../text/char-fold';
import { COMMON_PHRASES } from './common-phrases';
import { firstWordTable } from './first-word-table';
import { type FoldTables, getFoldTables } from './fold-tables';
import { astralClass, foldString } from './fold-text';
import type { MatcherData } from './matcher-data';
import { nameLimitProblem } from './name-limits';
import { entityKeyColumns, slotColumns } from './slot-columns';
import { buildTrie } from './trie-build';
import { layoutBlocks } from './trie-layout';
import { runSteps, sortedSteps, stepDue, type Steps } from './steps';
import { firstWordHash, wordBitSet } from './word-filter';
import type { MatcherPattern } from './types';

/**
 * Compiles patterns into plain data; empty or fold-to-nothing patterns are skipped, and
 * so are names over the limits of name-limits.ts (the validator refuses them in packs;
 * here they are dropped whatever their origin, so no stored row can make a scan slow).
 */
export function compileData(patterns: readonly MatcherPattern[]): MatcherData {
  return runSteps(compileSteps(patterns));
}

/** compileData in steps (steps.ts): yields every few thousand names, keys or nodes. */
export function* compileSteps(patterns: readonly MatcherPattern[]): Steps<MatcherData> {
  const tables = getFoldTables();
  const max = patterns.length;
  // Flat per-pattern columns, filled in place (150k names: no per-name objects).
  const patternEntity = new Int32Array(max);
  const patternMode = new Uint8Array(max);
  const patternLowerStart = new Uint8Array(max);
  const patternGroup = new Int32Array(max);
  const keeps: string[] = [];
  const groupOf = new Map<string, number>();
  const groupKeys: string[] = [];
  const entityIndex = new Map<string, number>();
  const entityKeys: string[] = [];
  const excludeStart: number[] = [0];
  const excludes: string[] = [];
  const wordHashes: number[] = [];
  const lowerWordHashes: number[] = [];
  let lastEntityKey: string | undefined;
  let lastEntity = -1;

  for (let i = 0; i < patterns.length; i++) {
    if (stepDue(i)) yield;
    const pattern = patterns[i] as MatcherPattern;
    if (typeof pattern?.text !== 'string' || nameLimitProblem(pattern.text)) continue;
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
      mode = tableCaseMode(tables, keep, pattern.caseSensitive);
    }
    const index = keeps.length;
    keeps.push(keep);
    patternMode[index] = mode;
    const lowerStart = mode === CASE_ANY || startsLower(tables, keep);
    patternLowerStart[index] = lowerStart ? 1 : 0;
    const wordHash = firstWordHash(tables, key);
    if (wordHash !== undefined) {
      wordHashes.push(wordHash);
      if (lowerStart) lowerWordHashes.push(wordHash);
    }
    // An entity's names usually come one after another: skip the map then.
    if (pattern.entityKey !== lastEntityKey) {
      lastEntityKey = pattern.entityKey;
      let entity = entityIndex.get(pattern.entityKey);
      if (entity === undefined) {
        entity = entityKeys.length;
        entityIndex.set(pattern.entityKey, entity);
        entityKeys.push(pattern.entityKey);
      }
      lastEntity = entity;
    }
    patternEntity[index] = lastEntity;
    const common = COMMON_PHRASES.get(key);
    for (const phrase of common ? [...(pattern.exclude ?? []), ...common] : (pattern.exclude ?? [])) {
      const folded = foldString(tables, phrase);
      // A phrase that does not contain the name can never cover a match of it.
      if (folded.length > key.length && folded.includes(key) && !excludes.includes(folded, excludeStart.at(-1))) excludes.push(folded);
    }
    excludeStart.push(excludes.length);
    let group = groupOf.get(key);
    if (group === undefined) {
      group = groupKeys.length;
      groupOf.set(key, group);
      groupKeys.push(key);
    }
    patternGroup[index] = group;
  }

  const count = keeps.length;
  const keys = yield* sortedSteps(groupKeys);
  // rank[g]: position of group g's key in sorted order (the trie's key index).
  const rank = new Int32Array(keys.length);
  for (let r = 0; r < keys.length; r++) {
    if (stepDue(r)) yield;
    rank[groupOf.get(keys[r] as string) as number] = r;
  }
  // Patterns per sorted key, input order within a key (a counting sort).
  const groupStart = new Int32Array(keys.length + 1);
  for (let p = 0; p < count; p++) {
    if (stepDue(p)) yield;
    const r = rank[patternGroup[p] as number] as number;
    groupStart[r + 1] = (groupStart[r + 1] as number) + 1;
  }
  for (let r = 0; r < keys.length; r++) groupStart[r + 1] = (groupStart[r + 1] as number) + (groupStart[r] as number);
  const fill = groupStart.slice(0, keys.length);
  // slotOf[p]: the pattern's slot; a group's patterns occupy consecutive slots.
  const patternOfSlot = new Int32Array(count);
  const keyLowerStart = new Uint8Array(keys.length);
  for (let p = 0; p < count; p++) {
    if (stepDue(p)) yield;
    const r = rank[patternGroup[p] as number] as number;
    const at = fill[r] as number;
    patternOfSlot[at] = p;
    fill[r] = at + 1;
    if (patternLowerStart[p]) keyLowerStart[r] = 1;
  }
  const slots = yield* slotColumns({ count, keys, groupStart, patternOfSlot, keeps, patternEntity, patternMode, excludeStart, excludes });

  const trie = yield* buildTrie(keys, keyLowerStart);
  const blocks = yield* layoutBlocks(trie);
  return {
    ...tables,
    blocks,
    ...(yield* firstWordTable(keys, blocks, tables.cls)),
    wordBits: wordBitSet(wordHashes),
    lowerWordBits: wordBitSet(lowerWordHashes),
    patternCount: count,
    groupStart,
    ...slots,
    ...(yield* entityKeyColumns(entityKeys)),
  };
}

const SPACE = 0x20;
const TILDE = 0x7e;

/** caseModeOf through the class table (the regular expressions cost microseconds per name). */
function tableCaseMode(tables: FoldTables, keep: string, caseSensitive: boolean | undefined): number {
  if (caseSensitive !== undefined) return caseModeOf(keep, caseSensitive);
  let letters = 0;
  let cased = 0;
  let upper = 0;
  for (let i = 0; i < keep.length; i++) {
    const k = tables.cls[keep.charCodeAt(i)] as number;
    if (k & CLS_HIGH) return caseModeOf(keep, caseSensitive);
    if (k & CLS_LETTER) letters++;
    if (k & CLS_CASED) cased++;
    if (k & CLS_UPPER) upper++;
  }
  return caseModeFromCounts(letters, cased, upper);
}

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
