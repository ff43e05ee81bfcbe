/** Writes docs/pack.schema.json from the valibot schema in lib/pack (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { PACK_JSON_SCHEMA_PATH, packJsonSchemaText } from '../lib/pack/json-schema';

writeFileSync(PACK_JSON_SCHEMA_PATH, packJsonSchemaText());
console.info(`Wrote ${PACK_JSON_SCHEMA_PATH}`);
