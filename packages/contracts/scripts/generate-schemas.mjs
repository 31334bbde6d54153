// Writes schemas/<topic>.json and schemas/envelope.json from the built package, and adds new schemas to
// schemas/published.lock.json. Run through `npm run generate -w @chorus/contracts`, which builds first.
// Refuses to write anything when a published schema changed: that must become a new version instead.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allContracts } from '../dist/index.js';
import {
  emptyLock,
  extendLock,
  findLockViolations,
  LOCK_FILE,
  renderLock,
  renderSchemas,
} from '../dist/json-schema/index.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const lockPath = join(schemasDir, LOCK_FILE);

async function readLock() {
  try {
    return JSON.parse(await readFile(lockPath, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') {
      return emptyLock();
    }
    throw error;
  }
}

const rendered = renderSchemas(allContracts);
const lock = await readLock();
const violations = findLockViolations(lock, rendered);
if (violations.length > 0) {
  console.error('Refusing to regenerate the contract schemas: published versions would change.\n');
  for (const message of violations) {
    console.error(`- ${message}\n`);
  }
  process.exit(1);
}

await mkdir(schemasDir, { recursive: true });
// Stale files would pass for published schemas; anything not generated now goes (the lock check above has
// already refused the removal of a published one).
for (const file of await readdir(schemasDir)) {
  if (file.endsWith('.json') && file !== LOCK_FILE && !rendered.has(file)) {
    await rm(join(schemasDir, file));
  }
}
for (const [file, text] of rendered) {
  await writeFile(join(schemasDir, file), text);
}
const { lock: nextLock, added } = extendLock(lock, rendered);
await writeFile(lockPath, renderLock(nextLock));

console.log(`Wrote ${rendered.size} schemas to packages/contracts/schemas.`);
for (const file of added) {
  console.log(`  locked new schema ${file}`);
}
