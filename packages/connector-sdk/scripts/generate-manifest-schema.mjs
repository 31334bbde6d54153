// Writes schemas/manifest.schema.json from the zod manifest schema (run `npm run generate -w @chorus/connector-sdk`,
// which builds dist first). src/manifest/manifest-json-schema.spec.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../dist/index.js';

const target = new URL('../schemas/manifest.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
