import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@chorus/connector-sdk';
import { ConnectorHost } from '@chorus/connector-host';
import { runConnectorContractTests, type ContractSetup } from '@chorus/connector-testkit';
import { resolveAsProduction } from './support/production-resolution.js';
import { prepareThirdPartyWorkspace } from './support/third-party-workspace.js';

// The proof that a connector needs nothing from this repository: scaffolded, packed and installed elsewhere,
// it is discovered by the host and passes the contract kit. Preparing it builds and packs (about a minute).
const workspace = await prepareThirdPartyWorkspace();
resolveAsProduction(workspace.root);
const host = await ConnectorHost.start({ root: workspace.hostFolder, logger: silentLogger });
const loaded = host.loaded.find((item) => item.packageName === workspace.packageName);
const pluginFolder = join(workspace.hostFolder, 'node_modules', workspace.packageName);
const testing = await importTestingExport(pluginFolder);

afterAll(async () => {
  await host.close();
  await rm(workspace.root, { recursive: true, force: true });
});

describe('a third-party connector installed from its tarball', () => {
  it('is discovered in the host folder and loaded, with nothing refused', () => {
    expect(host.refused).toEqual([]);
    expect(loaded).toMatchObject({ id: 'acme-social', packageVersion: '0.1.0' });
  });

  it('runs on its own installed copy of the SDK, not the workspace one', () => {
    const sdk = createRequire(join(pluginFolder, 'package.json')).resolve('@chorus/connector-sdk');
    expect(sdk.startsWith(workspace.hostFolder)).toBe(true);
  });

  it('is configured from an entry and publishes through the host against its own fake', async () => {
    const setup = await testing.createAcmeSocialContractSetup();
    const configured = await ConnectorHost.start({
      root: workspace.hostFolder,
      discover: false,
      logger: silentLogger,
      connectors: [{ resolve: workspace.packageName, options: setup.config }],
    });
    try {
      const connector = configured.connector('acme-social');
      const credentials = await connector.auth.password!.login(setup.auth.password!);
      const before = await setup.network.publishedCount();
      const result = await connector.publish!(credentials, {
        idempotencyKey: 'k',
        fingerprint: 'f',
        post: { text: 'Hello from a host' },
      });
      expect(result.remoteId.length).toBeGreaterThan(0);
      expect(await setup.network.publishedCount()).toBe(before + 1);
    } finally {
      await configured.close();
      await setup.teardown?.();
    }
  });
});

// Without a loaded connector the first test above fails and says why; the kit needs the definition.
if (loaded) {
  runConnectorContractTests({
    connector: loaded.definition,
    setup: () => testing.createAcmeSocialContractSetup(),
  });
}

async function importTestingExport(
  folder: string,
): Promise<{ createAcmeSocialContractSetup(): Promise<ContractSetup> }> {
  const pkg = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as {
    exports: Record<string, { default: string }>;
  };
  const entry = join(folder, pkg.exports['./testing']!.default);
  return (await import(pathToFileURL(entry).href)) as {
    createAcmeSocialContractSetup(): Promise<ContractSetup>;
  };
}
