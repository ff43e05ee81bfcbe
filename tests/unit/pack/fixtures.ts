import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL(…, import.meta.url)`: happy-dom's URL is not one that node:url accepts.
const PACKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/packs/');

/** Names of the fixture files in `tests/fixtures/packs/<kind>/`. */
export function fixtureNames(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(PACKS_DIR + kind).filter((name) => name.endsWith('.pack.json')).toSorted();
}

/** The bytes of one fixture pack. */
export function fixtureBytes(kind: 'valid' | 'invalid', name: string): Uint8Array {
  return new Uint8Array(readFileSync(PACKS_DIR + kind + '/' + name));
}

/** One fixture pack, parsed as JSON. */
export function fixtureJson(kind: 'valid' | 'invalid', name: string): unknown {
  return JSON.parse(new TextDecoder().decode(fixtureBytes(kind, name)));
}
