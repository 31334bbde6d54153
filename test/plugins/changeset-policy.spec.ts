import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

// The bump policy of docs/versioning.md, proven with the repository's own .changeset/config.json: a copy of
// the connector packages' manifests in a scratch git repository, `changeset status` asked what would be released.
const repository = fileURLToPath(new URL('../../', import.meta.url));
const changesetBin = join(repository, 'node_modules/@changesets/cli/bin.js');
const PACKAGES = [
  'packages/connector-sdk',
  'packages/connector-testkit',
  'packages/connector-host',
  'packages/create-connector',
  'plugins/connector-mastodon',
];

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'chorus-changesets-'));
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'chorus', private: true, workspaces: ['packages/*', 'plugins/*'] }),
  );
  for (const folder of PACKAGES) {
    await mkdir(join(scratch, folder), { recursive: true });
    await cp(join(repository, folder, 'package.json'), join(scratch, folder, 'package.json'));
  }
  // A second connector, as a third party or another engineer would add it.
  const other = JSON.parse(
    await readFile(join(repository, 'plugins/connector-mastodon/package.json'), 'utf8'),
  ) as Record<string, unknown>;
  await mkdir(join(scratch, 'plugins/connector-other'), { recursive: true });
  await writeFile(
    join(scratch, 'plugins/connector-other/package.json'),
    JSON.stringify({ ...other, name: '@chorus/connector-other' }),
  );
  await mkdir(join(scratch, '.changeset'));
  await cp(join(repository, '.changeset/config.json'), join(scratch, '.changeset/config.json'));
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.email=ci@chorus.test', '-c', 'user.name=ci', ...args], scratch);
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'packages');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function releasesFor(bumps: Record<string, string>): Promise<Record<string, string>> {
  const file = join(scratch, '.changeset', 'proof.md');
  const header = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
  await writeFile(file, `---\n${header.join('\n')}\n---\n\nA change.\n`);
  try {
    const output = join(scratch, 'status.json');
    await run(process.execPath, [changesetBin, 'status', `--output=${output}`], scratch);
    const status = JSON.parse(await readFile(output, 'utf8')) as {
      releases: { name: string; newVersion: string }[];
    };
    return Object.fromEntries(status.releases.map((release) => [release.name, release.newVersion]));
  } finally {
    await rm(file);
  }
}

describe('the changeset policy for connectors', () => {
  it('releases only the connector that changed', async () => {
    expect(await releasesFor({ '@chorus/connector-mastodon': 'minor' })).toEqual({
      '@chorus/connector-mastodon': '0.2.0',
    });
  });

  it('moves the SDK, its test kit and the scaffolder together, without re-releasing connectors still in range', async () => {
    expect(await releasesFor({ '@chorus/connector-sdk': 'minor' })).toEqual({
      '@chorus/connector-sdk': '1.1.0',
      '@chorus/connector-testkit': '1.1.0',
      '@chorus/create-connector': '1.1.0',
    });
  });

  it('re-releases the connectors a breaking SDK release leaves out of their peer range', async () => {
    const releases = await releasesFor({ '@chorus/connector-sdk': 'major' });
    expect(releases['@chorus/connector-testkit']).toBe('2.0.0');
    expect(Object.keys(releases)).toEqual(
      expect.arrayContaining(['@chorus/connector-mastodon', '@chorus/connector-other']),
    );
  });
});
