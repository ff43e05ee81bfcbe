/**
 * A large stored value in parts: the matcher snapshot, and the search index (`name`). Written or read whole, 47 MB at a million names
 * held the service worker for one uninterrupted structured clone each way; in parts of
 * at most {@link PART_BYTES}, each its own `meta` row and transaction, with a pause
 * between, the worker answers pages and hovers between any two.
 *
 * Layout: a head row (`<name>`, by default `matcherSnapshot`) names a generation and, per
 * field of the snapshot's data, how to put it back together; the parts are rows
 * `<name>Part/<generation>/<n>`. The head is written last and the previous
 * generation's parts deleted after it, so a worker stopped midway leaves the previous
 * snapshot whole (its orphan parts are deleted by the next save).
 */
import type { BackstoryDatabase } from '../db/database';

const DEFAULT_NAME = 'matcherSnapshot';

/** Largest part, bytes (a typed array's bytes, a string's UTF-16 units × 2): a few ms to clone. */
const PART_BYTES = 2 * 1024 * 1024;

/** A typed array the matcher keeps, by constructor name. */
const TYPED_ARRAYS = { Int32Array, Uint16Array, Uint8Array, Uint32Array, Int16Array, Int8Array, Float64Array } as const;
type TypedName = keyof typeof TYPED_ARRAYS;
type Typed = InstanceType<(typeof TYPED_ARRAYS)[TypedName]>;

type FieldLayout =
  | { kind: 'typed'; type: TypedName; length: number; parts: number[] }
  | { kind: 'string'; parts: number[] }
  | { kind: 'value'; value: unknown };

interface Head<M> {
  generation: number;
  /** What the caller keeps beside the data (revision, filter, format). */
  meta: M;
  fields: Record<string, FieldLayout>;
}

export interface SnapshotPartsOptions {
  /** Called between two parts: lets other work of the thread run. */
  pause: () => Promise<void>;
  /** The head row's key, and with `Part/` the prefix of its parts (default `matcherSnapshot`). */
  name?: string;
}

const headKey = (options: SnapshotPartsOptions): string => options.name ?? DEFAULT_NAME;
const partPrefix = (options: SnapshotPartsOptions): string => `${headKey(options)}Part/`;

/** Stores `data` in parts with `meta` in its head, replacing the previous snapshot once all parts are in. */
export async function saveInParts<M>(db: BackstoryDatabase, meta: M, data: Record<string, unknown>, options: SnapshotPartsOptions): Promise<void> {
  const previous = (await db.meta.get(headKey(options)))?.value as Partial<Head<M>> | undefined;
  const generation = (typeof previous?.generation === 'number' ? previous.generation : 0) + 1;
  await deleteParts(db, (g) => g !== previous?.generation, options);
  let next = 0;
  const put = async (value: unknown): Promise<number> => {
    const n = next++;
    await db.meta.put({ key: partKey(options, generation, n), value });
    await options.pause();
    return n;
  };
  const fields: Record<string, FieldLayout> = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string') {
      const parts: number[] = [];
      const units = PART_BYTES / 2;
      for (let at = 0; at < value.length; at += units) parts.push(await put(value.slice(at, at + units)));
      fields[name] = { kind: 'string', parts };
    } else if (ArrayBuffer.isView(value) && value.constructor.name in TYPED_ARRAYS) {
      const typed = value as Typed;
      const perPart = Math.max(1, Math.floor(PART_BYTES / typed.BYTES_PER_ELEMENT));
      const parts: number[] = [];
      for (let at = 0; at < typed.length; at += perPart) parts.push(await put(typed.slice(at, at + perPart)));
      fields[name] = { kind: 'typed', type: value.constructor.name as TypedName, length: typed.length, parts };
    } else {
      fields[name] = { kind: 'value', value };
    }
  }
  await db.meta.put({ key: headKey(options), value: { generation, meta, fields } satisfies Head<M> });
  await deleteParts(db, (g) => g !== generation, options);
}

/** The stored snapshot's head meta and data, read part by part; undefined when there is none (or it is of an older layout). */
export async function loadInParts<M>(
  db: BackstoryDatabase,
  accept: (meta: M) => boolean,
  options: SnapshotPartsOptions,
): Promise<{ meta: M; data: Record<string, unknown> } | undefined> {
  const head = (await db.meta.get(headKey(options)))?.value as Head<M> | undefined;
  if (typeof head?.generation !== 'number' || typeof head.fields !== 'object' || !accept(head.meta)) return undefined;
  const part = async (n: number): Promise<unknown> => {
    const value = (await db.meta.get(partKey(options, head.generation, n)))?.value;
    await options.pause();
    return value;
  };
  const data: Record<string, unknown> = {};
  for (const [name, layout] of Object.entries(head.fields)) {
    if (layout.kind === 'value') {
      data[name] = layout.value;
    } else if (layout.kind === 'string') {
      let text = '';
      for (const n of layout.parts) {
        const piece = await part(n);
        if (typeof piece !== 'string') return undefined;
        text += piece;
      }
      data[name] = text;
    } else {
      const Type = TYPED_ARRAYS[layout.type];
      if (!Type) return undefined;
      const whole = new Type(layout.length);
      let at = 0;
      for (const n of layout.parts) {
        const piece = await part(n);
        if (!(piece instanceof Type) || at + piece.length > whole.length) return undefined;
        whole.set(piece as never, at);
        at += piece.length;
      }
      if (at !== whole.length) return undefined;
      data[name] = whole;
    }
  }
  return { meta: head.meta, data };
}

/** Replaces the head's meta, its parts unchanged (the same data, of a newer revision); false when there is no head. */
export async function updateMetaInParts<M>(db: BackstoryDatabase, meta: M, options: SnapshotPartsOptions): Promise<boolean> {
  const head = (await db.meta.get(headKey(options)))?.value as Head<M> | undefined;
  if (typeof head?.generation !== 'number') return false;
  await db.meta.put({ key: headKey(options), value: { ...head, meta } satisfies Head<M> });
  return true;
}

/** Deletes the stored value: its head first (so nothing half-deleted is ever read), then its parts. */
export async function deleteInParts(db: BackstoryDatabase, options: SnapshotPartsOptions): Promise<void> {
  await db.meta.delete(headKey(options));
  await deleteParts(db, () => true, options);
}

function partKey(options: SnapshotPartsOptions, generation: number, n: number): string {
  return `${partPrefix(options)}${generation}/${n}`;
}

/** Deletes the parts of the generations `doomed` picks, one row per transaction. */
async function deleteParts(db: BackstoryDatabase, doomed: (generation: number) => boolean, options: SnapshotPartsOptions): Promise<void> {
  const prefix = partPrefix(options);
  const keys = (await db.meta.where('key').startsWith(prefix).primaryKeys()) as string[];
  for (const key of keys) {
    const generation = Number(key.slice(prefix.length, key.indexOf('/', prefix.length)));
    if (!doomed(generation)) continue;
    await db.meta.delete(key);
    await options.pause();
  }
}
