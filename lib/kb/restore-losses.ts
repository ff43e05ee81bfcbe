/** What a library holds, in the counts a restore is compared by. */
export interface LibraryTally {
  packs: number;
  articles: number;
  entities: number;
  entityEdits: number;
}

/**
 * What replacing the library with a backup loses, kind by kind: how many more the
 * library holds now than the backup (an older backup lacks what came since). Only kinds
 * with a loss are listed, so an empty list means the backup holds at least as much.
 */
export function restoreLosses(library: LibraryTally, backup: LibraryTally): Array<{ kind: keyof LibraryTally; count: number }> {
  return (['packs', 'articles', 'entities', 'entityEdits'] as const)
    .map((kind) => ({ kind, count: library[kind] - backup[kind] }))
    .filter((loss) => loss.count > 0);
}
