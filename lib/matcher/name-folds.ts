/**
 * The compile's first pass over the names, in input order: each name's folded key and
 * case-preserving fold written into two shared unit buffers (offsets per name, no
 * string per name), its case mode, its entity's index and its exclude phrases.
 */
import { CASE_ANY, caseModeFromCounts, caseModeOf } from './case-rules';
import { CLS_CASED, CLS_HIGH, CLS_LETTER, CLS_LOWER, CLS_UPPER } from '../text/char-fold';
import { COMMON_PHRASES } from './common-phrases';
import { EntityIndex } from './entity-index';
import type { FoldTables } from './fold-tables';
import { astralClass, foldInto, foldString } from './fold-text';
import { nameLimitProblem } from './name-limits';
import { stepDue, type Steps } from './steps';
import type { MatcherPattern } from './types';
import { UnitBuffer } from './unit-buffer';

/** The kept names (those that fold to something and are within the limits), by index. */
export interface NameFolds {
  count: number;
  /** Name i's full fold (its trie key) is keys.units[keyStart[i] .. keyStart[i + 1]). */
  keys: UnitBuffer;
  keyStart: Int32Array;
  /** Name i's case-preserving fold is keeps.units[keepStart[i] .. keepStart[i + 1]). */
  keeps: UnitBuffer;
  keepStart: Int32Array;
  /** CASE_* mode (case-rules.ts). */
  mode: Uint8Array;
  /** 1 when the name may start on a lower-case letter. */
  lowerStart: Uint8Array;
  /** Index into entityKeys. */
  entity: Int32Array;
  /** Entity keys in order of first appearance. */
  entityKeys: string[];
  /** Name i's fully folded exclude phrases are excludes[excludeStart[i] .. excludeStart[i + 1]). */
  excludeStart: number[];
  excludes: string[];
}

const SPACE = 0x20;
const TILDE = 0x7e;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const ASCII_CASE_BIT = 0x20;

/** Names of COMMON_PHRASES by length and first unit: most keys are ruled out without a string. */
const commonPhraseShapes = new Set([...COMMON_PHRASES.keys()].map((k) => k.length * 0x10000 + k.charCodeAt(0)));

/** Folds every usable pattern; skips the others (see compileData). */
export function* foldNames(tables: FoldTables, patterns: readonly MatcherPattern[]): Steps<NameFolds> {
  const max = patterns.length;
  // Folds are about as long as the names: sized once, grown if expansions ("ﬃ") need more.
  let units = 0;
  for (const pattern of patterns) units += typeof pattern?.text === 'string' ? pattern.text.length : 0;
  const keys = new UnitBuffer(units);
  const keeps = new UnitBuffer(units);
  const keyStart = new Int32Array(max + 1);
  const keepStart = new Int32Array(max + 1);
  const mode = new Uint8Array(max);
  const lowerStart = new Uint8Array(max);
  const entity = new Int32Array(max);
  const entityIndex = new EntityIndex();
  const excludeStart: number[] = [0];
  const excludes: string[] = [];
  let lastEntityKey: string | undefined;
  let lastEntity = -1;
  let count = 0;

  for (let i = 0; i < max; i++) {
    if (stepDue(i)) yield;
    const pattern = patterns[i] as MatcherPattern;
    const text = pattern?.text;
    if (typeof text !== 'string' || nameLimitProblem(text)) continue;
    let nameMode = plainAsciiInto(text, pattern.caseSensitive, keys, keeps);
    if (nameMode < 0) {
      foldInto(tables, text, false, keys);
      if (keys.length === keyStart[count]) continue;
      foldInto(tables, text, true, keeps);
      nameMode = tableCaseMode(tables, keeps, keepStart[count] as number, pattern.caseSensitive);
    }
    keyStart[count + 1] = keys.length;
    keepStart[count + 1] = keeps.length;
    mode[count] = nameMode;
    lowerStart[count] = nameMode === CASE_ANY || startsLower(tables, keeps, keepStart[count] as number) ? 1 : 0;
    // An entity's names usually come one after another: skip the map then.
    if (pattern.entityKey !== lastEntityKey) {
      lastEntityKey = pattern.entityKey;
      lastEntity = entityIndex.indexOf(pattern.entityKey);
    }
    entity[count] = lastEntity;
    addExcludes(tables, pattern, keys, keyStart[count] as number, excludes, excludeStart);
    count++;
  }
  return { count, keys, keyStart, keeps, keepStart, mode, lowerStart, entity, entityKeys: entityIndex.keys, excludeStart, excludes };
}

/** The name's exclude phrases and those of COMMON_PHRASES for its key, folded; closes its range. */
function addExcludes(tables: FoldTables, pattern: MatcherPattern, keys: UnitBuffer, from: number, excludes: string[], excludeStart: number[]): void {
  const length = keys.length - from;
  const common = commonPhraseShapes.has(length * 0x10000 + (keys.units[from] as number)) ? COMMON_PHRASES.get(keys.text(from)) : undefined;
  const phrases = common ? [...(pattern.exclude ?? []), ...common] : (pattern.exclude ?? []);
  if (phrases.length > 0) {
    const key = keys.text(from);
    const first = excludeStart.at(-1);
    for (const phrase of phrases) {
      const folded = foldString(tables, phrase);
      // A phrase that does not contain the name can never cover a match of it.
      if (folded.length > key.length && folded.includes(key) && !excludes.includes(folded, first)) excludes.push(folded);
    }
  }
  excludeStart.push(excludes.length);
}

/**
 * Most names: plain ASCII (printable, single inner spaces), whose key is its lower case
 * and whose case-preserving fold is itself, written to the buffers here in one pass
 * (about 10× faster than the general path). Returns the case mode, or -1 with nothing
 * written for any other name.
 */
function plainAsciiInto(text: string, caseSensitive: boolean | undefined, keys: UnitBuffer, keeps: UnitBuffer): number {
  const last = text.length - 1;
  if (last < 0) return -1;
  const keyFrom = keys.length;
  const keepFrom = keeps.length;
  let letters = 0;
  let upper = 0;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > TILDE || c < SPACE || (c === SPACE && (i === 0 || i === last || text.charCodeAt(i - 1) === SPACE))) {
      keys.length = keyFrom;
      keeps.length = keepFrom;
      return -1;
    }
    const lower = c | ASCII_CASE_BIT;
    if (lower >= 0x61 && lower <= 0x7a) {
      letters++;
      if (c < 0x61) upper++;
    }
    keeps.push(c);
    keys.push(c >= UPPER_A && c <= UPPER_Z ? lower : c);
  }
  return caseSensitive === undefined ? caseModeFromCounts(letters, letters, upper) : caseModeOf(text, caseSensitive);
}

/** caseModeOf through the class table (the regular expressions cost microseconds per name). */
function tableCaseMode(tables: FoldTables, keeps: UnitBuffer, from: number, caseSensitive: boolean | undefined): number {
  if (caseSensitive !== undefined) return caseModeOf(keeps.text(from), caseSensitive);
  let letters = 0;
  let cased = 0;
  let upper = 0;
  for (let i = from; i < keeps.length; i++) {
    const k = tables.cls[keeps.units[i] as number] as number;
    if (k & CLS_HIGH) return caseModeOf(keeps.text(from), caseSensitive);
    if (k & CLS_LETTER) letters++;
    if (k & CLS_CASED) cased++;
    if (k & CLS_UPPER) upper++;
  }
  return caseModeFromCounts(letters, cased, upper);
}

/** Whether the first character of a case-preserving fold is a lower-case letter. */
function startsLower(tables: FoldTables, keeps: UnitBuffer, from: number): boolean {
  if (from >= keeps.length) return false;
  const c = keeps.units[from] as number;
  const lo = from + 1 < keeps.length ? (keeps.units[from + 1] as number) : 0;
  if (c >= 0xd800 && c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
    return (astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000) & CLS_LOWER) !== 0;
  }
  return ((tables.cls[c] as number) & CLS_LOWER) !== 0;
}
