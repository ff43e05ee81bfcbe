import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { runAtOnce } from '../feeds/work-slices';

/**
 * A MiniSearch index in a stored form that is written and read a chunk at a time.
 * `JSON.stringify(miniSearch)` builds and writes the whole index in one call: 1.5 to 3.5 s for
 * 6,000 articles' text on this machine under load (docs/benchmarks.md "## Feeds"), which held
 * the service worker. Here each chunk is a JSON string of its own, built and parsed in one
 * short step, and the result loads with MiniSearch's own `loadJS` / `loadJSAsync`.
 */
export interface StoredMiniSearch {
  /** JSON of the index's scalar fields (counts, field ids, average lengths). */
  head: string;
  /** JSON arrays of `[shortId, id, fieldLengths, storedFields?]`. */
  documents: string[];
  /** JSON arrays of `[term, {fieldId: {shortId: frequency}}]`, as MiniSearch's `toJSON` writes them. */
  terms: string[];
}

/** Documents per chunk: a few ms to write or parse on a loaded machine. */
const DOCUMENTS_PER_CHUNK = 500;
/**
 * A chunk of terms ends at whichever comes first: this many postings (document × term ×
 * field, about 40 KB of JSON), or this many terms (a rare word is a term with one posting,
 * and each term is an object to build).
 */
const POSTINGS_PER_CHUNK = 4_000;
const TERMS_PER_CHUNK = 500;

type FieldTermData = Map<number, Map<number, number>>;

/** What `toJSON` reads, read a chunk at a time instead. */
interface MiniSearchInternals {
  documentCount: number;
  nextId: number;
  documentIds: Map<number, unknown>;
  fieldIds: Record<string, number>;
  fieldLength: Map<number, number[]>;
  averageFieldLength: number[];
  storedFields: Map<number, unknown>;
  dirtCount: number;
  index: Iterable<[string, FieldTermData]>;
}

/**
 * MiniSearch's fields behind `toJSON`: `_index` is protected in its types, the rest
 * private. The round trip is pinned by tests/unit/search/sliced-minisearch.test.ts, which
 * compares with MiniSearch's own, so an upgrade that renames them fails there.
 */
function internalsOf(index: MiniSearch<unknown>): MiniSearchInternals {
  const fields = index as unknown as {
    [K in keyof MiniSearchInternals as `_${K extends 'averageFieldLength' ? 'avgFieldLength' : K}`]: MiniSearchInternals[K];
  };
  return {
    documentCount: fields['_documentCount'],
    nextId: fields['_nextId'],
    documentIds: fields['_documentIds'],
    fieldIds: fields['_fieldIds'],
    fieldLength: fields['_fieldLength'],
    averageFieldLength: fields['_avgFieldLength'],
    storedFields: fields['_storedFields'],
    dirtCount: fields['_dirtCount'],
    index: fields['_index'],
  };
}

/**
 * Serializes `index` in steps: the generator yields between chunks, and the caller pauses
 * there. The index must not change until the generator is done (the caller checks, and
 * starts again when it did); it must not be vacuuming either (`isVacuuming`).
 */
export function* storeSteps<T>(index: MiniSearch<T>): Generator<void, StoredMiniSearch> {
  const inside = internalsOf(index as MiniSearch<unknown>);
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount } = inside;
  const head = JSON.stringify({ documentCount, nextId, fieldIds, averageFieldLength, dirtCount, serializationVersion: 2 });
  const documents: string[] = [];
  let batch: unknown[] = [];
  for (const [shortId, id] of inside.documentIds) {
    const stored = inside.storedFields.get(shortId);
    batch.push(stored === undefined ? [shortId, id, inside.fieldLength.get(shortId)] : [shortId, id, inside.fieldLength.get(shortId), stored]);
    if (batch.length >= DOCUMENTS_PER_CHUNK) {
      documents.push(JSON.stringify(batch));
      batch = [];
      yield;
    }
  }
  if (batch.length > 0) documents.push(JSON.stringify(batch));
  const terms: string[] = [];
  batch = [];
  let postings = 0;
  for (const [term, fields] of inside.index) {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, frequencies] of fields) {
      data[fieldId] = Object.fromEntries(frequencies);
      postings += frequencies.size;
    }
    batch.push([term, data]);
    if (postings >= POSTINGS_PER_CHUNK || batch.length >= TERMS_PER_CHUNK) {
      terms.push(JSON.stringify(batch));
      batch = [];
      postings = 0;
      yield;
    }
  }
  if (batch.length > 0) terms.push(JSON.stringify(batch));
  return { head, documents, terms };
}

/** Parses the stored form back into MiniSearch's plain object, a chunk per step. */
function* plainSteps(stored: StoredMiniSearch): Generator<void, AsPlainObject> {
  const head = JSON.parse(stored.head) as Pick<AsPlainObject, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength' | 'dirtCount' | 'serializationVersion'>;
  const plain: AsPlainObject = { ...head, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] };
  for (const chunk of stored.documents) {
    for (const [shortId, id, lengths, fields] of JSON.parse(chunk) as Array<[number, unknown, number[], unknown?]>) {
      plain.documentIds[shortId] = id;
      plain.fieldLength[shortId] = lengths;
      if (fields !== undefined) plain.storedFields[shortId] = fields;
    }
    yield;
  }
  for (const chunk of stored.terms) {
    for (const entry of JSON.parse(chunk) as AsPlainObject['index']) plain.index.push(entry);
    yield;
  }
  return plain;
}

/** Loads a stored index at once (a change needs it now, or a page loads its own copy). */
export function loadNow<T>(stored: StoredMiniSearch, options: Options<T>): MiniSearch<T> {
  return MiniSearch.loadJS<T>(runAtOnce(plainSteps(stored)), options);
}

/** Loads a stored index a chunk at a time, `pause` between chunks, then with MiniSearch's batched loader. */
export async function loadInSlices<T>(stored: StoredMiniSearch, options: Options<T>, pause: () => Promise<void> | void): Promise<MiniSearch<T>> {
  const steps = plainSteps(stored);
  for (;;) {
    const step = steps.next();
    if (step.done) return MiniSearch.loadJSAsync<T>(step.value, options);
    await pause();
  }
}
