import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@chorus/connector-sdk';
import { ConnectorHost } from '../src/index.js';
import { connectorSource, hostFolder } from './plugin-folders.fixture.js';

let root: string;
let host: ConnectorHost;

beforeAll(async () => {
  root = await hostFolder([
    { name: 'chorus-connector-good', source: connectorSource({ network: 'good' }) },
    { name: '@acme/chorus-connector-scoped', source: connectorSource({ network: 'scoped' }) },
    {
      name: 'chorus-connector-future',
      packageJson: { peerDependencies: { '@chorus/connector-sdk': '^2.0.0' } },
    },
    { name: 'chorus-connector-no-peer', packageJson: { peerDependencies: {} } },
    { name: 'chorus-connector-old-manifest', source: connectorSource({ network: 'old', sdk: '^0.9.0' }) },
    {
      name: 'chorus-connector-bad-manifest',
      source: connectorSource({ network: 'Not A Network', limits: {} }),
    },
    { name: 'chorus-connector-throws', source: "throw new Error('boom at import');" },
    {
      name: 'chorus-connector-hangs',
      source: connectorSource({ network: 'hangs' }, 'await new Promise(() => {});'),
    },
    { name: 'chorus-connector-empty', source: 'export const nothing = 1;' },
    {
      name: 'chorus-connector-crashes',
      source: connectorSource({ network: 'crashes' }, "throw new Error('cannot start');"),
    },
    {
      name: 'chorus-connector-configured',
      source: connectorSource({
        network: 'configured',
        configSchema: { type: 'object', properties: { apiKey: { type: 'string' } }, required: ['apiKey'] },
      }),
    },
    { name: 'chorus-connector-twin', source: connectorSource({ network: 'good' }) },
    { name: 'left-pad', packageJson: { chorus: undefined } },
  ]);
  host = await ConnectorHost.start({
    root,
    logger: silentLogger,
    startTimeoutMs: 500,
    connectors: [
      { resolve: 'chorus-connector-configured', options: { apiKey: 42 } },
      { resolve: 'chorus-connector-good', options: { apiKey: 'k' } },
      { resolve: 'chorus-connector-missing' },
    ],
  });
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

const reasonFor = (packageName: string) =>
  host.refused.find((item) => item.packageName === packageName)?.reason;

describe('loading connector plugins', () => {
  it('loads configured and discovered connectors, and nothing else', () => {
    expect(host.loaded.map((item) => [item.id, item.packageName]).sort()).toEqual([
      ['good', 'chorus-connector-good'],
      ['scoped', '@acme/chorus-connector-scoped'],
    ]);
    expect(host.connector('good').manifest.displayName).toBe('Fixture');
    expect(host.refused.map((item) => item.packageName)).not.toContain('left-pad');
  });

  it('refuses a plugin built for an incompatible SDK, saying which range it needs', () => {
    expect(reasonFor('chorus-connector-future')).toBe(
      'it needs @chorus/connector-sdk ^2.0.0 but this host runs 1.0.0',
    );
    expect(reasonFor('chorus-connector-no-peer')).toBe(
      'it declares no peerDependency on @chorus/connector-sdk',
    );
    expect(reasonFor('chorus-connector-old-manifest')).toBe(
      'its manifest needs @chorus/connector-sdk ^0.9.0 but this host runs 1.0.0',
    );
  });

  it('refuses an invalid manifest with the fields at fault', () => {
    expect(reasonFor('chorus-connector-bad-manifest')).toMatch(
      /^its manifest is invalid: network: .*limits\.text/,
    );
  });

  it('refuses plugins that fail to import, export no connector, or fail to start', () => {
    expect(reasonFor('chorus-connector-throws')).toBe('it failed to import: boom at import');
    expect(reasonFor('chorus-connector-empty')).toBe(
      'it must export exactly one connector made with defineConnector(), found 0',
    );
    expect(reasonFor('chorus-connector-crashes')).toBe('it failed to start: cannot start');
    expect(reasonFor('chorus-connector-hangs')).toBe(
      'it failed to start: create() did not finish within 500 ms',
    );
  });

  it('refuses options that do not match the configuration schema, naming the field', () => {
    expect(reasonFor('chorus-connector-configured')).toMatch(
      /^its options do not match its configuration schema: apiKey: /,
    );
  });

  it('refuses a second connector with an id already taken, and a configured package that is not installed', () => {
    expect(reasonFor('chorus-connector-twin')).toMatch(/the id "good" is already taken/);
    expect(host.refused.find((item) => item.source === 'chorus-connector-missing')?.reason).toMatch(
      /no package "chorus-connector-missing" was found/,
    );
  });

  it('names the loaded ids when asked for an unknown one', () => {
    expect(() => host.connector('nope')).toThrow(/loaded: (good, scoped|scoped, good)/);
  });
});
