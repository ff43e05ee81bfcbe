/**
 * Patterns → MatcherData: fold every name into shared buffers (name-folds.ts), sort the
 * names by folded key and group equal keys (key-sort.ts), then build the trie over the
 * distinct keys in one pass in sorted order (trie-build.ts, trie-layout.ts).
 */
import { firstWordTable } from './first-word-table';
import { getFoldTables, type FoldTables } from './fold-tables';
import { groupByKey, sortByKey, type SortedNames } from './key-sort';
import type { MatcherData } from './matcher-data';
import { foldNames, type NameFolds } from './name-folds';
import { entityKeyColumns, slotColumns } from './slot-columns';
import { runSteps, stepDue, type Steps } from './steps';
import { type SortedKeys, trieShape } from './trie-build';
import { layoutBlocks } from './trie-layout';
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
  const names = yield* foldNames(tables, patterns);
  const keyColumn = { units: names.keys.units, start: names.keyStart };
  // Slots: names in key order, input order within a key; a group's names are consecutive.
  const sorted = yield* sortByKey(keyColumn, names.count);
  const patternOfSlot = sorted.order;
  const { groupStart, shared } = yield* groupByKey(sorted);
  const keys = yield* sortedKeys(tables, names, sorted, groupStart, shared);
  const slots = yield* slotColumns({ names, groupStart, patternOfSlot });
  const blocks = yield* layoutBlocks(keys, yield* trieShape(keys));
  return {
    ...tables,
    blocks,
    ...(yield* firstWordTable(keys, blocks, tables.cls)),
    wordBits: wordBitSet(keys.wordHashes),
    lowerWordBits: wordBitSet(keys.lowerWordHashes),
    patternCount: names.count,
    groupStart,
    ...slots,
    ...(yield* entityKeyColumns(names.entityKeys)),
  };
}

/** The trie's keys, one per group, and the hashes of names' first words (word-filter.ts). */
function* sortedKeys(
  tables: FoldTables,
  names: NameFolds,
  sorted: SortedNames,
  groupStart: Int32Array,
  shared: Int32Array,
): Steps<SortedKeys & { wordHashes: number[]; lowerWordHashes: number[] }> {
  const keyCount = groupStart.length - 1;
  const start = new Int32Array(keyCount);
  const end = new Int32Array(keyCount);
  const flag = new Uint8Array(keyCount);
  // One hash per name, as the bit sets are sized by their count.
  const wordHashes: number[] = [];
  const lowerWordHashes: number[] = [];
  for (let g = 0; g < keyCount; g++) {
    if (stepDue(g)) yield;
    const first = groupStart[g] as number;
    start[g] = sorted.keyStart[first] as number;
    end[g] = sorted.keyEnd[first] as number;
    const hash = firstWordHash(tables, sorted.keyUnits, start[g] as number, end[g] as number);
    for (let s = first; s < (groupStart[g + 1] as number); s++) {
      const lower = names.lowerStart[sorted.order[s] as number] as number;
      flag[g] = (flag[g] as number) | lower;
      if (hash === undefined) continue;
      wordHashes.push(hash);
      if (lower) lowerWordHashes.push(hash);
    }
  }
  return { units: sorted.keyUnits, start, end, shared, flag, wordHashes, lowerWordHashes };
}
