/**
 * Which pack ids no file may take, and whether two sources are the same place, for the
 * import's "updates may only update" rules (import-pipeline.ts).
 */
import type { PackSource } from '../db/rows';
import { MY_ARTICLES_PACK_ID } from './my-articles';
import { MY_READING_PACK_ID } from './my-reading';
import { STARTER_PACK_ID } from './starter-pack';

/**
 * Ids of Backstory's own packs: the starter pack (shipped with the extension), "My
 * articles" and "My reading" (the user's own). An imported or downloaded file that names one of them
 * would replace what the user did not choose to replace, so none may.
 */
export const RESERVED_PACK_IDS: ReadonlySet<string> = new Set([STARTER_PACK_ID, MY_ARTICLES_PACK_ID, MY_READING_PACK_ID]);

/**
 * Whether a new file comes from where the installed pack came from: any file for a pack
 * from a file (file names change between versions), the same origin for a pack from an
 * address. Anything else replacing a pack is asked about first.
 */
export function isSameSource(installed: PackSource, incoming: PackSource): boolean {
  if (installed.kind === 'url' && incoming.kind === 'url') return originOf(installed.url) === originOf(incoming.url);
  return installed.kind === incoming.kind;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Where a pack came from, as the question before replacing it says it: "a file", "example.org". */
export function describeSource(source: PackSource): string {
  if (source.kind === 'url') return originOf(source.url) ? new URL(source.url).host : 'an address';
  if (source.kind === 'file') return source.fileName ? `the file ${source.fileName}` : 'a file';
  if (source.kind === 'wikidata') return 'a Wikidata query';
  if (source.kind === 'feed') return 'a feed you follow';
  return source.kind === 'builtin' ? 'Backstory itself' : 'your own additions';
}
