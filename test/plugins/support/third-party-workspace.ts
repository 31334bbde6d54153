import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldConnector } from '@chorus/create-connector';
import { run } from './run.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = join(repository, 'node_modules/typescript/bin/tsc');
// The npm cache first (warm after `npm ci`); the registry only for what the cache lacks (a fresh machine).
const cacheFirst = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

export interface ThirdPartyWorkspace {
  /** A temporary folder outside the repository, removed by the caller. */
  readonly root: string;
  readonly connectorFolder: string;
  readonly hostFolder: string;
  readonly packageName: string;
}

/**
 * What a third-party developer does: build and pack the SDK and the test kit (as if from the registry),
 * scaffold a connector outside the workspace, install its development dependencies from those tarballs, pack
 * it (its prepack builds it with its own TypeScript), and install the tarball into a fresh host folder.
 */
export async function prepareThirdPartyWorkspace(): Promise<ThirdPartyWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'chorus-third-party-'));
  const tarballs = join(root, 'tarballs');
  await mkdir(tarballs);
  const packed: Record<string, string> = {};
  for (const name of ['connector-sdk', 'connector-testkit']) {
    const folder = join(repository, 'packages', name);
    await run(process.execPath, [tsc, '-p', join(folder, 'tsconfig.build.json')], folder);
    packed[name] = join(
      tarballs,
      (await run('npm', ['pack', '--pack-destination', tarballs, '--loglevel=error'], folder)).trim(),
    );
  }

  const packageName = '@acme/chorus-connector-acme-social';
  const connectorFolder = join(root, 'connector');
  await scaffoldConnector({ network: 'acme-social', directory: connectorFolder, packageName });
  // The SDK and the kit come from the tarballs (this checkout's versions, unpublished); vitest (only needed for the
  // package's own `npm test`) is left out, and peers are not installed automatically.
  const manifestPath = join(connectorFolder, 'package.json');
  const pkg = JSON.parse(await readFile(manifestPath, 'utf8')) as { devDependencies: Record<string, string> };
  pkg.devDependencies['@chorus/connector-sdk'] = `file:${packed['connector-sdk']}`;
  pkg.devDependencies['@chorus/connector-testkit'] = `file:${packed['connector-testkit']}`;
  delete pkg.devDependencies.vitest;
  await writeFile(manifestPath, JSON.stringify(pkg, null, 2));
  await run('npm', ['install', ...cacheFirst, '--legacy-peer-deps'], connectorFolder);
  const connectorTarball = join(
    tarballs,
    (await run('npm', ['pack', '--pack-destination', tarballs, '--loglevel=error'], connectorFolder))
      .trim()
      .split('\n')
      .pop()!,
  );

  const hostFolder = join(root, 'host');
  await mkdir(hostFolder);
  await writeFile(
    join(hostFolder, 'package.json'),
    JSON.stringify({ name: 'acme-host', private: true, type: 'module' }),
  );
  await run('npm', ['install', ...cacheFirst, connectorTarball, packed['connector-sdk']!], hostFolder);
  return { root, connectorFolder, hostFolder, packageName };
}
