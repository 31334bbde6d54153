// Checks that every file in a layer folder of an app (apps/*/src/**/{domain,application,infrastructure,interface})
// is kebab-case with a role suffix from a fixed set. Path-based rules (dependency-cruiser, reviews, search) only
// work when names are regular. Usage: node scripts/check-file-names.mjs [repository root]
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYERS = new Set(['domain', 'application', 'infrastructure', 'interface']);

export const ROLE_SUFFIXES = [
  '.command.ts',
  '.query.ts',
  '.event.ts',
  '.handler.ts',
  '.saga.ts',
  '.aggregate.ts',
  '.entity.ts',
  '.value-object.ts',
  '.errors.ts',
  '.port.ts',
  '.orm-entity.ts',
  '.typeorm-repository.ts',
  '.mapper.ts',
  '.http-controller.ts',
  // Nest's HTTP pipeline pieces beside the controllers (the gateway's session cookie and its error answers).
  '.middleware.ts',
  '.filter.ts',
  // A Nest guard beside them (the gateway's internal API: service token, not a member).
  '.guard.ts',
  '.kafka-consumer.ts',
  // A port's implementation over a network or process facility (HTTP sender, in-process signal), and a
  // background loop (the notification delivery worker).
  '.adapter.ts',
  '.worker.ts',
  '.dto.ts',
  '.tokens.ts',
  '.module.ts',
  '.migration.ts',
];

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ROLE = `(?:${ROLE_SUFFIXES.map((suffix) => suffix.slice(1, -3).replace('.', '\\.')).join('|')})`;
const ALLOWED = [
  new RegExp(`^${KEBAB}\\.${ROLE}\\.ts$`),
  // A spec names what it tests: post.aggregate.spec.ts, or a plain kebab name for a scenario.
  new RegExp(`^${KEBAB}(?:\\.${ROLE})?\\.spec\\.ts$`),
  // Timestamped migrations, as TypeORM generates them: 1767312000000-create-post-table.ts.
  new RegExp(`^\\d{10,14}-${KEBAB}\\.ts$`),
  /^index\.ts$/,
];

/** Relative paths (from root) of the files that break the naming rule, with what is wrong. */
export async function findBadFileNames(root) {
  const problems = [];
  const appsDir = join(root, 'apps');
  for (const app of await listDirs(appsDir)) {
    await walk(join(appsDir, app, 'src'), false, async (path, inLayer) => {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      if (inLayer && !ALLOWED.some((pattern) => pattern.test(name))) {
        problems.push(relative(root, path).split(sep).join('/'));
      }
    });
  }
  return problems.sort();
}

async function walk(dir, inLayer, onFile) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') {
      return;
    }
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(path, inLayer || LAYERS.has(entry.name), onFile);
    } else if (entry.isFile()) {
      await onFile(path, inLayer);
    }
  }
}

async function listDirs(dir) {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch (error) {
    if (error.code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

async function main() {
  const root = resolve(process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..'));
  const problems = await findBadFileNames(root);
  if (problems.length === 0) {
    console.log('File names: every file in apps/*/src layer folders has a known role suffix.');
    return;
  }
  console.error(
    `File names: ${problems.length} file(s) in apps/*/src layer folders break the naming rule:\n`,
  );
  for (const path of problems) {
    console.error(`  ${path}`);
  }
  console.error(
    [
      '',
      'Use kebab-case and one role suffix: ' + ROLE_SUFFIXES.join(' ') + ',',
      'or .spec.ts, index.ts, or a timestamped migration (1767312000000-create-post-table.ts).',
      'If a new role is really needed, add its suffix to scripts/check-file-names.mjs and to STYLE.md.',
    ].join('\n'),
  );
  process.exitCode = 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
