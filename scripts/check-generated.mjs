// Regenerates every committed generated artefact and fails if the result differs from what is committed
// (modified, deleted, or new untracked files). CI runs it as `npm run check:generated`.
// To add an artefact (e.g. a service's OpenAPI document), add an entry to GENERATORS.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What to run, and the committed paths it writes. */
const GENERATORS = [
  {
    name: 'JSON Schemas of the event contracts',
    command: ['npm', 'run', 'generate', '-w', '@chorus/contracts'],
    outputs: ['packages/contracts/schemas'],
  },
  {
    name: 'JSON Schema of the connector manifest',
    command: ['npm', 'run', 'generate', '-w', '@chorus/connector-sdk'],
    outputs: ['packages/connector-sdk/schemas'],
  },
  {
    name: 'OpenAPI documents of the services',
    command: ['npm', 'run', 'generate', '-w', '@chorus/host'],
    outputs: ['gateway', 'strategy', 'content', 'community', 'ads', 'analytics'].map(
      (app) => `apps/${app}/openapi.json`,
    ),
  },
  {
    // After the OpenAPI documents: the console's typed client is generated from them.
    name: 'typed API client of the console',
    command: ['npm', 'run', 'generate', '-w', '@chorus/api-client'],
    outputs: ['packages/api-client/src/generated'],
  },
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.error) {
    throw result.error;
  }
  return result;
}

let stale = 0;
for (const generator of GENERATORS) {
  const [command, ...args] = generator.command;
  console.log(`check:generated: ${generator.name} (${generator.command.join(' ')})`);
  const generated = run(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (generated.status !== 0) {
    console.error(generated.stdout + generated.stderr);
    console.error(`check:generated: the generator for ${generator.name} failed; see its output above.`);
    process.exit(1);
  }

  const diff = run('git', ['diff', '--exit-code', '--stat', '--', ...generator.outputs]);
  const untracked = run('git', ['ls-files', '--others', '--exclude-standard', '--', ...generator.outputs]);
  const newFiles = untracked.stdout.split('\n').filter(Boolean);
  if (diff.status !== 0 || newFiles.length > 0) {
    stale += 1;
    console.error(`\ncheck:generated: ${generator.name} are stale.`);
    if (diff.status !== 0) {
      console.error(`Changed by regeneration:\n${diff.stdout}`);
    }
    if (newFiles.length > 0) {
      console.error(`New, not yet committed:\n${newFiles.map((file) => `  ${file}`).join('\n')}\n`);
    }
    console.error(
      `Run \`${generator.command.join(' ')}\` and commit ${generator.outputs.join(', ')} ` +
        '(git diff shows the exact change).',
    );
  }
}

if (stale > 0) {
  process.exit(1);
}
console.log('check:generated: every generated artefact is up to date.');
