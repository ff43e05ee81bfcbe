import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_JSON_SCHEMA_PATH, packJsonSchema, packJsonSchemaText } from '../../../lib/pack/json-schema';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function collect(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, found);
  else if (node && typeof node === 'object') {
    for (const [k, value] of Object.entries(node)) {
      if (k === key) found.push(value);
      collect(value, key, found);
    }
  }
  return found;
}

describe('docs/pack.schema.json', () => {
  it('is what `npm run schema` generates from lib/pack/schema.ts now', () => {
    const committed = readFileSync(join(ROOT, PACK_JSON_SCHEMA_PATH), 'utf8');
    // On failure: run `npm run schema` and commit docs/pack.schema.json.
    expect(committed).toBe(packJsonSchemaText());
  });

  it('describes every property (directly, or through the definition it refers to)', () => {
    type Def = { description?: string; properties: Record<string, object> };
    const schema = packJsonSchema() as Def & { $defs: Record<string, Def> };
    const defs = Object.entries({ Pack: schema, ...schema.$defs });
    for (const [name, def] of defs) expect([name, def.description]).toEqual([name, expect.any(String)]);
    const properties = defs.flatMap(([name, def]) =>
      Object.entries(def.properties).map(([key, value]) => [`${name}.${key}`, value] as const),
    );
    expect(properties.length).toBeGreaterThan(30);
    for (const [name, value] of properties) {
      expect([name, 'description' in value || '$ref' in value]).toEqual([name, true]);
    }
  });

  it('has patterns that JSON Schema validators can compile (ECMA-262, unicode mode)', () => {
    const patterns = collect(packJsonSchema(), 'pattern');
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(() => new RegExp(pattern as string, 'u')).not.toThrow();
  });

  it('does not forbid unknown properties', () => {
    expect(collect(packJsonSchema(), 'additionalProperties')).toEqual([]);
  });
});
