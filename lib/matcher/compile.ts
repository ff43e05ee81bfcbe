/**
 * Patterns → MatcherData: fold every name, group names that fold alike, build
 * the trie over the distinct folded keys.
 */
import { caseModeOf } from './case-rules';
import { getFoldTables } from './fold-tables';
import { foldString } from './fold-text';
import type { MatcherData } from './matcher-data';
import { buildTrie } from './trie-build';
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

  for (const pattern of patterns) {
    if (typeof pattern?.text !== 'string') continue;
    const key = foldString(tables, pattern.text);
    if (key === '') continue;
    const keep = foldString(tables, pattern.text, true);
    const index = keeps.length;
    keeps.push(keep);
    patternMode.push(caseModeOf(keep, pattern.caseSensitive));
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
  const trie = buildTrie(keys);
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
    ...trie,
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
