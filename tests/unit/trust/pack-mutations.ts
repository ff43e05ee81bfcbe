/**
 * Arbitraries for fuzzing the pack importer: the valid fixture packs, mutated at a random
 * place in one of the ways real files go wrong (a field dropped, duplicated, of the wrong
 * type, absurdly long, deeply nested, full of Unicode junk, or named like an
 * Object.prototype property), then serialised and sometimes damaged as bytes too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';

const VALID_DIR = 'tests/fixtures/packs/valid';

/** The valid fixture packs as JSON text. */
export const validPackTexts: readonly string[] = readdirSync(VALID_DIR)
  .filter((name) => name.endsWith('.pack.json'))
  .toSorted()
  .map((name) => readFileSync(join(VALID_DIR, name), 'utf8'));

/** Keys that reach Object.prototype when code copies them with `obj[key] = value`. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings that have broken text code before: lone surrogates, controls, BOMs, RTL marks, NUL. */
const unicodeJunk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufeff', '\u202e', '\u200b', '\u0301', '\u{1F600}', '\r', '\u2028', 'İ', 'ß', '\\', '"'),
    maxLength: 40,
  }),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('<script>window.__pwned=1</script>', 'javascript:alert(1)', '<img src=x onerror=alert(1)>'),
);

/** A value nested `depth` levels deep in arrays or objects. */
function deeplyNested(depth: number, inObjects: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = inObjects ? { a: value } : [value];
  return value;
}

/**
 * A value of any JSON type, including hostile ones. Huge and deep values are described
 * ({ long } / { nest }) and built only when applied, so that a counterexample prints small.
 */
type Junk = { plain: unknown } | { long: number } | { nest: number; inObjects: boolean };

const junkValue: fc.Arbitrary<Junk> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((plain) => ({ plain })),
  unicodeJunk.map((plain) => ({ plain })),
  fc.integer({ min: 1_000, max: 200_000 }).map((long) => ({ long })),
  fc.tuple(fc.integer({ min: 33, max: 1_000 }), fc.boolean()).map(([nest, inObjects]) => ({ nest, inObjects })),
  fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}, '1.0.0', 'Person', '2024-07-10').map((plain) => ({ plain })),
);

function build(junk: Junk): unknown {
  if ('long' in junk) return 'x'.repeat(junk.long);
  if ('nest' in junk) return deeplyNested(junk.nest, junk.inObjects);
  return structuredClone(junk.plain);
}

type Op =
  | { kind: 'delete' }
  | { kind: 'set'; value: Junk }
  | { kind: 'duplicate' }
  | { kind: 'rename'; key: string }
  | { kind: 'add-key'; key: string; value: Junk };

const anyOp: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'delete' }),
  junkValue.map<Op>((value) => ({ kind: 'set', value })),
  fc.constant<Op>({ kind: 'duplicate' }),
  fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), unicodeJunk).map<Op>((key) => ({ kind: 'rename', key })),
  fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), unicodeJunk), junkValue).map<Op>(([key, value]) => ({ kind: 'add-key', key, value })),
);

/** One mutation: where (a random walk, each step an index into the children) and what. */
export interface Mutation {
  walk: number[];
  op: Op;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({ walk: fc.array(fc.nat(), { minLength: 0, maxLength: 6 }), op: anyOp });

/**
 * Applies mutations to a parsed pack in place. Keys are set with defineProperty, so a
 * `__proto__` key becomes an own property exactly as JSON.parse would make it.
 */
export function mutate(root: unknown, mutations: readonly Mutation[]): unknown {
  const box = { root };
  for (const m of mutations) apply(box, 'root', m.walk, m.op);
  return box.root;
}

function apply(parent: Record<string | number, unknown>, key: string | number, walk: readonly number[], op: Op): void {
  const node = parent[key];
  const children = isContainer(node) ? Object.keys(node) : [];
  if (walk.length > 0 && children.length > 0) {
    const child = children[walk[0]! % children.length]!;
    apply(node as Record<string, unknown>, Array.isArray(node) ? Number(child) : child, walk.slice(1), op);
    return;
  }
  switch (op.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return;
    case 'set':
      parent[key] = build(op.value);
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(node));
      else if (Array.isArray(node)) node.push(...structuredClone(node));
      return;
    case 'rename':
      if (Array.isArray(parent)) return;
      delete parent[key];
      defineOwn(parent, op.key, node);
      return;
    case 'add-key':
      if (isContainer(node) && !Array.isArray(node)) defineOwn(node as Record<string, unknown>, op.key, build(op.value));
      return;
  }
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** How the serialised bytes are damaged, if at all. */
export const byteDamage = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'truncate' as const, at })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => ({ kind: 'flip' as const, at, byte })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'gzip' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'gzip-truncated' as const }) },
);

export type ByteDamage = typeof byteDamage extends fc.Arbitrary<infer T> ? T : never;
