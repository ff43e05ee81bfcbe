import MiniSearch from 'minisearch';
import type { SearchDocument } from './documents';
import { entityTier, rank, type RankedHit, type RankedResults, Tier, toRankedHit } from './ranking';
import { searchTerms } from './words';
import { wordsQuery } from './minisearch-query';
import { LazyPart } from './lazy-part';
import { type ArticleResultRow, type EntityResultRow, ResultRowStore, type StoredResultRows } from './result-rows';
import { nextTask } from './next-task';
import { createPause, runAtOnce } from '../feeds/work-slices';
import { loadInSlices, loadNow, storeSteps, type StoredMiniSearch } from './sliced-minisearch';

/**
 * Relative weight of a match in each field. Ranking is decided first by tier (exact
 * name, exact alias, name, alias; headline, text); these only order results inside a tier.
 */
const FIELD_BOOST = { name: 3, aliases: 2, description: 1 } as const;
/**
 * The word being typed (the last) is matched as a prefix once it has this many
 * characters: "sh" would expand to thousands of words and cost tens of milliseconds
 * (bench/search); shorter words match exactly ("EU", "Xi"). Article text, the largest
 * vocabulary, waits one character longer.
 */
const MIN_PREFIX_CHARS = { names: 3, text: 4 } as const;
/** Article text is searched once the query is this long: shorter queries are names being typed. */
const MIN_ARTICLE_QUERY_CHARS = 3;
/**
 * Bumped when the stored form, the document shape or the folding of words changes
 * (3: lib/text/fold.ts; 4: entities' descriptions; 5: stored in chunks, lib/search/sliced-minisearch.ts),
 * so a stored index from an older version is rebuilt instead of loaded.
 */
export const SEARCH_INDEX_FORMAT = 5;

/** Clean-up after removals in batches of 50 words (a word can be in every article): 1,000 at once held the worker up to 0.45 s. */
const VACUUM = { batchSize: 50, batchWait: 1 } as const;

/**
 * Only what ranking needs is stored with the index (a name is compared with the query for
 * the exact-name tier): everything shown is read from the rows of the few results, which
 * keeps the stored index small and its load on wake-up short.
 */
const STORED_FIELDS = ['title', 'aliasKeys'] as const;

export interface SearchLimits {
  entities: number;
  articles: number;
}

/** The serialized form kept in storage. */
export interface StoredSearchIndex {
  format: number;
  entities: StoredMiniSearch;
  headlines: StoredMiniSearch;
  bodies: StoredMiniSearch;
  /** The rows results show (since format 2). */
  rows: StoredResultRows;
}

function entityOptions() {
  return {
    fields: ['name', 'aliases', 'description'],
    storeFields: [...STORED_FIELDS],
    tokenize: searchTerms,
    // Terms are folded by `tokenize` already.
    processTerm: (term: string) => term,
    searchOptions: { boost: FIELD_BOOST },
    autoVacuum: VACUUM,
  };
}

function headlineOptions() {
  return { fields: ['headline'], storeFields: [], tokenize: searchTerms, processTerm: (term: string) => term, autoVacuum: VACUUM };
}

/** Article text has its own index without stored fields: its hits are shown from the headline index's. */
function bodyOptions() {
  return { fields: ['body'], storeFields: [], tokenize: searchTerms, processTerm: (term: string) => term, autoVacuum: VACUUM };
}

const BODY_LOADER = {
  now: (stored: StoredMiniSearch) => loadNow<SearchDocument>(stored, bodyOptions()),
  inSlices: (stored: StoredMiniSearch) => loadInSlices<SearchDocument>(stored, bodyOptions(), createPause()),
};

const ROW_LOADER = {
  now: (stored: StoredResultRows) => ResultRowStore.fromStoredNow(stored),
  inSlices: (stored: StoredResultRows) => ResultRowStore.fromStored(stored),
};

/**
 * The search index over a knowledge base: entities by name and alias, articles by
 * headline and text, prefix and fuzzy, case- and diacritics-insensitive. Built on
 * MiniSearch (chosen by measurement, see docs/benchmarks.md "## Search"): documents can be
 * added and discarded one by one as packs change, and the whole index serializes to JSON.
 */
export class KnowledgeSearchIndex {
  private constructor(
    private readonly entities: MiniSearch<SearchDocument>,
    private readonly headlines: MiniSearch<SearchDocument>,
    /** The article-text index: loaded after the first answers when the index came from storage. */
    private readonly bodies: LazyPart<MiniSearch<SearchDocument>, StoredMiniSearch>,
    /** The rows results show: likewise. */
    private readonly rows: LazyPart<ResultRowStore, StoredResultRows>,
  ) {}

  /** Counts documents added and discarded: a store running in slices is abandoned when it moved. */
  private changes = 0;

  static empty(): KnowledgeSearchIndex {
    return new KnowledgeSearchIndex(
      new MiniSearch(entityOptions()),
      new MiniSearch(headlineOptions()),
      new LazyPart({ value: new MiniSearch(bodyOptions()) }, BODY_LOADER),
      new LazyPart({ value: new ResultRowStore() }, ROW_LOADER),
    );
  }

  /**
   * Loads a stored index; throws when it is of another format version. Article text, the
   * largest part, and the rows results show are loaded later (`loadText`, `loadRows`, or on
   * first change): names and headlines answer first, which is what someone opening the
   * popup types.
   */
  static fromStored(stored: StoredSearchIndex): KnowledgeSearchIndex {
    if (stored.format !== SEARCH_INDEX_FORMAT) throw new Error(`Search index format ${stored.format} is not ${SEARCH_INDEX_FORMAT}`);
    return new KnowledgeSearchIndex(
      loadNow(stored.entities, entityOptions()),
      loadNow(stored.headlines, headlineOptions()),
      new LazyPart({ stored: stored.bodies }, BODY_LOADER),
      new LazyPart({ stored: stored.rows }, ROW_LOADER),
    );
  }

  /**
   * Loads a stored index whole, article text and rows included, for a page that searches
   * on its own (the popup). Each part is loaded at once, handing the thread back between
   * parts (`yieldNow`): MiniSearch's sliced loader waits a clamped timer every thousand
   * entries and took four times as long (measured in the popup: 4.1 s against 0.9 s);
   * the longest part, article text, holds the thread for about 0.3 s.
   */
  static async loadWhole(stored: StoredSearchIndex, yieldNow: () => Promise<void> = nextTask): Promise<KnowledgeSearchIndex> {
    const index = KnowledgeSearchIndex.fromStored(stored);
    await yieldNow();
    index.bodies.now();
    await yieldNow();
    await index.loadRows();
    return index;
  }

  /** Whether article text is searched yet (see `fromStored`). */
  get textLoaded(): boolean {
    return this.bodies.loaded;
  }

  /**
   * Loads the article-text part of a stored index, if it is not loaded yet, in slices
   * (MiniSearch's async loader) so that searches in between are not held up for long.
   */
  async loadText(): Promise<void> {
    await this.bodies.loadInSlices();
  }

  /** Loads the rows results show, if they are not loaded yet, chunk by chunk. */
  async loadRows(): Promise<void> {
    await this.rows.loadInSlices();
  }

  /** The rows results show, once loaded; until then they are read from the database. */
  get resultRows(): ResultRowStore | undefined {
    return this.rows.peek();
  }

  /** The stored form at once (tests, benchmarks); the background stores with `storeSteps`. */
  toStored(): StoredSearchIndex {
    return runAtOnce(this.storeSteps());
  }

  /**
   * The stored form a chunk per step: the caller pauses where it yields. Valid only if
   * `changes` did not move meanwhile, and started only while `settled`.
   */
  *storeSteps(): Generator<void, StoredSearchIndex> {
    const entities = yield* storeSteps(this.entities);
    const headlines = yield* storeSteps(this.headlines);
    const bodiesLoaded = this.bodies.peek();
    const bodies = bodiesLoaded ? yield* storeSteps(bodiesLoaded) : this.bodies.peekStored()!;
    const rowsLoaded = this.rows.peek();
    const rows = rowsLoaded ? yield* rowsLoaded.storeSteps() : this.rows.peekStored()!;
    return { format: SEARCH_INDEX_FORMAT, entities, headlines, bodies, rows };
  }

  /** How many adds and discards the index has seen (see `storeSteps`). */
  get changeCount(): number {
    return this.changes;
  }

  /** Whether no clean-up after removals is running: serializing meanwhile would read a map being pruned. */
  get settled(): boolean {
    return ![this.entities, this.headlines, this.bodies.peek()].some((index) => index?.isVacuuming);
  }

  get documentCount(): number {
    return this.entities.documentCount + this.headlines.documentCount;
  }

  /** Adds documents; one already in the index is replaced. */
  add(documents: Iterable<SearchDocument>): void {
    for (const doc of documents) {
      this.changes++;
      this.remove(doc.id);
      if (doc.kind === 'entity') {
        this.entities.add(doc);
        this.rows.now().setEntity(doc.shown as EntityResultRow);
      } else {
        this.headlines.add(doc);
        this.bodies.now().add(doc);
        this.rows.now().setArticle(doc.shown as ArticleResultRow);
      }
    }
  }

  /** Whether `doc` is indexed as it is now: the rows kept beside the index hold all that is indexed of a document. */
  holds(doc: SearchDocument): boolean {
    const rows = this.rows.now();
    const kept = doc.kind === 'entity' ? rows.get([doc.key], []).entities.get(doc.key) : rows.get([], [doc.key]).articles.get(doc.key);
    return kept !== undefined && JSON.stringify(kept) === JSON.stringify(doc.shown);
  }

  /** Removes documents by id; unknown ids are ignored. */
  discard(ids: Iterable<string>): void {
    for (const id of ids) {
      this.changes++;
      this.remove(id);
    }
  }

  private remove(id: string): void {
    const entity = id.startsWith('e:');
    for (const target of entity ? [this.entities] : [this.headlines, this.bodies.now()]) {
      if (target.has(id)) target.discard(id);
    }
    if (entity) this.rows.now().deleteEntity(id.slice(2));
    else this.rows.now().deleteArticle(id.slice(2));
  }

  /** Entities and articles matching `query`, best first in each group. */
  search(query: string, limits: SearchLimits): RankedResults {
    const terms = searchTerms(query);
    if (terms.length === 0) return { entities: [], articles: [] };
    const phrase = terms.join(' ');
    // A word just begun after complete ones ("vladimir p") would match nothing exactly and
    // too much as a prefix: it is left out until it is long enough, so results stay put.
    const last = terms.at(-1)!;
    const words = terms.length > 1 && last.length < MIN_PREFIX_CHARS.names ? terms.slice(0, -1) : terms;
    const entities = rank(this.entities.search(wordsQuery(words, MIN_PREFIX_CHARS.names, true)), (hit) => entityTier(hit, phrase), limits.entities);
    const articles = phrase.length >= MIN_ARTICLE_QUERY_CHARS ? this.searchArticles(words, limits.articles) : [];
    return { entities, articles };
  }

  /**
   * Headlines first; article text only when headlines leave room, since a text match
   * always ranks below a headline match. Text is matched exactly and by prefix, not
   * fuzzily: typos are forgiven in names and headlines, where people make them.
   */
  private searchArticles(words: readonly string[], limit: number): RankedHit[] {
    const fromHeadlines = rank(this.headlines.search(wordsQuery(words, MIN_PREFIX_CHARS.names, true)), () => Tier.headline, limit);
    const bodies = this.bodies.peek();
    if (fromHeadlines.length >= limit || !bodies) return fromHeadlines;
    const seen = new Set(fromHeadlines.map((hit) => hit.key));
    const fromText: RankedHit[] = [];
    const bodyHits = bodies.search(wordsQuery(words, MIN_PREFIX_CHARS.text, false));
    bodyHits.sort((a, b) => b.score - a.score);
    for (const hit of bodyHits) {
      if (fromHeadlines.length + fromText.length >= limit) break;
      const ranked = toRankedHit(hit, Tier.text);
      if (seen.has(ranked.key)) continue;
      fromText.push(ranked);
    }
    return [...fromHeadlines, ...fromText];
  }
}
