/**
 * The search index as stored: in parts (lib/kb/snapshot-parts.ts, the matcher snapshot's
 * way), each chunk of the stored index its own field, the head naming the format and the
 * revision it is of. A stored index whose head is missing, of another format, or whose
 * parts are incomplete reads as none, and is rebuilt.
 */
import type { BackstoryDatabase } from '../db/database';
import { getRevision } from '../db/revision';
import { rowsOfPack } from '../kb/keys';
import { deleteInParts, loadInParts, saveInParts, updateMetaInParts } from '../kb/snapshot-parts';
import { nextTask } from './next-task';
import type { StoredMiniSearch } from './sliced-minisearch';
import { KnowledgeSearchIndex, SEARCH_INDEX_FORMAT, type StoredSearchIndex } from './search-index';

/** Where the index is kept, in the `meta` table beside the matcher snapshot: the head row's key. */
export const SEARCH_INDEX_META_KEY = 'searchIndex';

/** What the index holds of one pack: enough to tell whether the pack changed and to take it out. */
export interface IndexedPack {
  signature: string;
  ids: string[];
}

export interface StoredState {
  revision: number;
  packs: Map<string, IndexedPack>;
  index: StoredSearchIndex;
}

interface HeadMeta {
  format: number;
  revision: number;
}

/** Document ids per chunk of the packs' list. */
const IDS_PER_CHUNK = 5_000;
/**
 * Chunks are small (a few ms each to build or parse); a stored field joins consecutive
 * ones with newlines (JSON text holds none) up to about this many characters, so that a
 * store is tens of parts, not hundreds of transactions.
 */
const FIELD_CHARS = 1_000_000;

const MINISEARCH_PARTS = ['entities', 'headlines', 'bodies'] as const;

/** Stores `state` in parts, `pause` between parts; the previous stored index stays whole until the new head is written. */
export async function saveStoredState(db: BackstoryDatabase, state: StoredState, pause: () => Promise<void>): Promise<void> {
  const data: Record<string, string> = {};
  const list = (name: string, chunks: readonly string[]) => joined(chunks).forEach((field, i) => (data[`${name}/${i}`] = field));
  for (const part of MINISEARCH_PARTS) {
    const stored = state.index[part];
    data[`${part}/head`] = stored.head;
    list(`${part}/documents`, stored.documents);
    list(`${part}/terms`, stored.terms);
  }
  list('rows', state.index.rows);
  list('packs', packChunks(state.packs));
  await saveInParts<HeadMeta>(db, { format: SEARCH_INDEX_FORMAT, revision: state.revision }, data, { pause, name: SEARCH_INDEX_META_KEY });
}

/** The stored index, if there is a whole one of this format (and, with `revision`, of that revision). */
export async function loadStoredState(db: BackstoryDatabase, pause: () => Promise<void>, revision?: number): Promise<StoredState | undefined> {
  const stored = await loadInParts<HeadMeta>(
    db,
    (meta) => meta?.format === SEARCH_INDEX_FORMAT && (revision === undefined || meta.revision === revision),
    { pause, name: SEARCH_INDEX_META_KEY },
  );
  if (!stored) return undefined;
  const data = stored.data as Record<string, string>;
  const list = (name: string): string[] => {
    const chunks: string[] = [];
    for (let i = 0; `${name}/${i}` in data; i++) chunks.push(...data[`${name}/${i}`]!.split('\n'));
    return chunks;
  };
  const minisearch = (part: (typeof MINISEARCH_PARTS)[number]): StoredMiniSearch | undefined => {
    const head = data[`${part}/head`];
    return head === undefined ? undefined : { head, documents: list(`${part}/documents`), terms: list(`${part}/terms`) };
  };
  const [entities, headlines, bodies] = MINISEARCH_PARTS.map(minisearch);
  if (!entities || !headlines || !bodies) return undefined;
  const packs = new Map<string, IndexedPack>();
  for (const chunk of list('packs')) {
    for (const [packId, signature, ids] of JSON.parse(chunk) as Array<[string, string, string[]]>) {
      const known = packs.get(packId);
      if (known) known.ids.push(...ids);
      else packs.set(packId, { signature, ids: [...ids] });
    }
    await pause();
  }
  return { revision: stored.meta.revision, packs, index: { format: SEARCH_INDEX_FORMAT, entities, headlines, bodies, rows: list('rows') } };
}

/** Marks the stored index as of `revision` (a change that changed no document); false when none is stored. */
export async function updateStoredRevision(db: BackstoryDatabase, revision: number): Promise<boolean> {
  return updateMetaInParts<HeadMeta>(db, { format: SEARCH_INDEX_FORMAT, revision }, { pause: nextTask, name: SEARCH_INDEX_META_KEY });
}

/** Deletes the stored index, head first. */
export async function deleteStoredState(db: BackstoryDatabase, pause: () => Promise<void>): Promise<void> {
  await deleteInParts(db, { pause, name: SEARCH_INDEX_META_KEY });
}

/** Consecutive chunks joined by newlines, up to {@link FIELD_CHARS} per field. */
function joined(chunks: readonly string[]): string[] {
  const fields: string[] = [];
  let group: string[] = [];
  let chars = 0;
  for (const chunk of chunks) {
    if (group.length > 0 && chars + chunk.length > FIELD_CHARS) {
      fields.push(group.join('\n'));
      group = [];
      chars = 0;
    }
    group.push(chunk);
    chars += chunk.length + 1;
  }
  if (group.length > 0) fields.push(group.join('\n'));
  return fields;
}

/** The packs' list as JSON chunks of `[packId, signature, ids]`, a large pack's ids spread over several. */
function packChunks(packs: ReadonlyMap<string, IndexedPack>): string[] {
  const chunks: string[] = [];
  let batch: Array<[string, string, string[]]> = [];
  let count = 0;
  const flush = () => {
    chunks.push(JSON.stringify(batch));
    batch = [];
    count = 0;
  };
  for (const [packId, { signature, ids }] of packs) {
    for (let at = 0; at === 0 || at < ids.length; at += IDS_PER_CHUNK) {
      const slice = ids.slice(at, at + IDS_PER_CHUNK);
      batch.push([packId, signature, slice]);
      count += slice.length;
      if (count >= IDS_PER_CHUNK) flush();
    }
  }
  if (batch.length > 0) flush();
  return chunks;
}

/**
 * A read-only copy of the stored index, loaded whole, for a page that searches
 * on its own thread (the popup: docs/benchmarks.md "## Search"). Undefined when there is
 * no stored index for the knowledge base's current revision: keeping it current is the
 * background's job, and a page must not rebuild it beside the background. Undefined too
 * when the library holds more than `maxDocuments` entities and articles: the copy's
 * memory and load time grow with it, and the stored index is not even read then.
 */
export async function loadStoredIndexCopy(
  db: BackstoryDatabase,
  maxDocuments = Number.POSITIVE_INFINITY,
): Promise<{ index: KnowledgeSearchIndex; revision: number } | undefined> {
  if (Number.isFinite(maxDocuments)) {
    // Installed packs' rows only, by pack (an import being written is not counted: lib/kb/staged-pack.ts).
    const packIds = (await db.packs.toCollection().primaryKeys()) as string[];
    const counts = await Promise.all(packIds.flatMap((id) => [rowsOfPack(db.entities, id).count(), rowsOfPack(db.articles, id).count()]));
    if (counts.reduce((sum, n) => sum + n, 0) > maxDocuments) return undefined;
  }
  const revision = await getRevision(db);
  const stored = await loadStoredState(db, nextTask, revision);
  if (!stored) return undefined;
  return { index: await KnowledgeSearchIndex.loadWhole(stored.index), revision };
}
