/**
 * The marker of what the library held, kept outside IndexedDB (extension storage) so
 * that a database the browser evicted, or one deleted behind Backstory's back, is
 * noticed instead of silently replaced by the starter pack. Pure: counting reads the
 * database given; where the marker is stored is the caller's business.
 */
import type { BackstoryDatabase } from '../db/database';
import type { PackSource } from '../db/rows';
import { getRevision } from '../db/revision';
import { rowsOfPack } from './keys';

/** What the library holds, in counts. */
export interface LibraryCounts {
  packs: number;
  articles: number;
  entities: number;
  entityEdits: number;
  /** Articles and entities of the user's own packs, plus entity edits: what nothing but a backup can bring back. */
  ownItems: number;
}

export interface LibraryMarker extends LibraryCounts {
  /** The database's revision (lib/db/revision.ts) when the counts were taken. */
  revision: number;
  /** Epoch milliseconds. */
  at: number;
}

/** The library found at start is missing what the marker says it held. */
export interface LibraryLoss {
  /** What the library held, by the marker. */
  marker: LibraryMarker;
  /** What it holds now. */
  found: LibraryCounts & { revision: number };
  /** Epoch milliseconds. */
  noticedAt: number;
}

/**
 * Packs that only the user made: saved and read articles, hand-made entities, followed
 * feeds. Anything not from a file, an address or the extension itself counts, so a new
 * kind of user pack (a feed, "My reading") is backed up without a change here.
 */
export function isUserMadeSource(source: PackSource): boolean {
  return source.kind !== 'builtin' && source.kind !== 'file' && source.kind !== 'url';
}

/** Counts what the library holds now (reads pack rows and the edits table only). */
export async function countLibrary(db: BackstoryDatabase): Promise<LibraryCounts & { revision: number }> {
  return db.transaction('r', [db.packs, db.entityEdits, db.meta, db.articles, db.entities], async () => {
    const packs = await db.packs.toArray();
    const entityEdits = await db.entityEdits.count();
    let ownItems = entityEdits;
    for (const pack of packs.filter((p) => isUserMadeSource(p.source))) {
      // Counted from the rows, not the pack row's counters: those are what a bug would leave wrong.
      ownItems += (await rowsOfPack(db.articles, pack.id).count()) + (await rowsOfPack(db.entities, pack.id).count());
    }
    return {
      packs: packs.length,
      articles: packs.reduce((sum, p) => sum + p.articleCount, 0),
      entities: packs.reduce((sum, p) => sum + p.entityCount, 0),
      entityEdits,
      ownItems,
      revision: await getRevision(db),
    };
  });
}

/**
 * Whether the library found is missing what the marker recorded. The revision only ever
 * grows inside one database, so a lower one means the database was emptied, deleted or
 * replaced by an older copy. A marker of a library with nothing of the user's own is no
 * loss worth a word: the starter pack and packs from addresses come back by themselves.
 */
export function findLibraryLoss(
  marker: LibraryMarker | undefined,
  found: LibraryCounts & { revision: number },
  now: number,
): LibraryLoss | undefined {
  if (!marker || marker.ownItems === 0) return undefined;
  if (found.revision >= marker.revision) return undefined;
  return { marker, found, noticedAt: now };
}

/**
 * The marker to store after a change, or undefined to keep the old one: a library found
 * lost must not overwrite the record of what it held until the user restores or
 * chooses to start over.
 */
export function nextMarker(
  previous: LibraryMarker | undefined,
  found: LibraryCounts & { revision: number },
  now: number,
): LibraryMarker | undefined {
  if (findLibraryLoss(previous, found, now)) return undefined;
  if (previous && previous.revision === found.revision && sameCounts(previous, found)) return undefined;
  return { ...found, at: now };
}

function sameCounts(a: LibraryCounts, b: LibraryCounts): boolean {
  return a.packs === b.packs && a.articles === b.articles && a.entities === b.entities && a.entityEdits === b.entityEdits && a.ownItems === b.ownItems;
}
