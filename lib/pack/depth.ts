import { MAX_JSON_DEPTH } from './limits';

/** Keys from the root to a value, for an issue's JSON path. */
export type JsonKeyPath = Array<string | number>;

interface Frame {
  value: object;
  depth: number;
  key: string | number;
  parent: Frame | undefined;
}

/**
 * The path of the first array or object nested deeper than `maxDepth` levels, or
 * undefined. Iterative, so that hostile input cannot overflow the stack here either.
 */
export function findTooDeep(data: unknown, maxDepth = MAX_JSON_DEPTH): JsonKeyPath | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const stack: Frame[] = [{ value: data, depth: 1, key: '', parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) return pathOf(frame);
    const entries: Array<[string | number, unknown]> = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [i, v])
      : Object.entries(frame.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i]!;
      if (typeof value === 'object' && value !== null) stack.push({ value, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

function pathOf(frame: Frame): JsonKeyPath {
  const keys: JsonKeyPath = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.unshift(f.key);
  return keys;
}
