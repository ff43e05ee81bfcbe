import type { BackstoryDatabase } from '../../lib/db/database';
import { getRevision } from '../../lib/db/revision';
import { loadStoredIndexCopy } from '../../lib/search/index-cache';
import type { KnowledgeSearchIndex } from '../../lib/search/search-index';
import { TERM_INDEX_MIN_DOCUMENTS } from '../../lib/search/term-index/mode';

/**
 * How long the popup trusts that its copy is current, in milliseconds; past it the
 * revision is read again beside the next search (never before it: the answer must not
 * wait for IndexedDB).
 */
const REVISION_TRUST_MS = 2_000;

/**
 * Largest library (entities plus articles) the popup loads its own copy of the index for:
 * above it the library is searched with the term index (lib/search/term-index/mode.ts).
 * The copy saves a display frame per key but costs heap and load time in proportion to
 * the library (docs/benchmarks.md "### The popup"): 103 MB and about 1 s at 60k
 * documents, 137 MB at 110k.
 */
const POPUP_COPY_MAX_DOCUMENTS = TERM_INDEX_MIN_DOCUMENTS;

export interface LocalIndex {
  /** The popup's own copy, once loaded whole and while the knowledge base has not changed; else undefined. */
  current(): KnowledgeSearchIndex | undefined;
  /** Whether a copy was loaded. */
  ready: Promise<boolean>;
}

/**
 * The popup's own copy of the stored search index, read-only, loaded in slices so that
 * the popup stays responsive meanwhile. Once the knowledge base changes it is dropped
 * (the background, which keeps the stored index current, answers again). None is loaded
 * for a library of more than `maxDocuments` entities and articles.
 */
export function loadLocalIndex(
  db: BackstoryDatabase,
  { now = () => performance.now(), maxDocuments = POPUP_COPY_MAX_DOCUMENTS }: { now?: () => number; maxDocuments?: number } = {},
): LocalIndex {
  let copy: { index: KnowledgeSearchIndex; revision: number } | undefined;
  let checkedAt = 0;
  let checking = false;
  const ready = loadStoredIndexCopy(db, maxDocuments).then(
    (loaded) => {
      copy = loaded;
      checkedAt = now();
      return loaded !== undefined;
    },
    (error: unknown) => {
      console.warn('Backstory: the popup could not load its own search index; the background answers', error);
      return false;
    },
  );
  return {
    ready,
    current() {
      if (copy && !checking && now() - checkedAt >= REVISION_TRUST_MS) {
        checking = true;
        void getRevision(db)
          .then((revision) => {
            if (copy && revision !== copy.revision) copy = undefined;
          })
          .catch(() => undefined)
          .finally(() => {
            checkedAt = now();
            checking = false;
          });
      }
      return copy?.index;
    },
  };
}
