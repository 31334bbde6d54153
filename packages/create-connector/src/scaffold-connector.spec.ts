import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { InvalidNetworkIdError, namesFor } from './names.js';
import { scaffoldConnector, TargetNotEmptyError } from './scaffold-connector.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'chorus-scaffold-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('namesFor', () => {
  it('spells the network id every way the template needs', () => {
    expect(namesFor('acme-social')).toEqual({
      network: 'acme-social',
      pascal: 'AcmeSocial',
      camel: 'acmeSocial',
      display: 'Acme Social',
      packageName: 'chorus-connector-acme-social',
    });
  });

  it('refuses an id the manifest would refuse, saying what an id looks like', () => {
    expect(() => namesFor('Acme Social')).toThrow(InvalidNetworkIdError);
    expect(() => namesFor('Acme Social')).toThrow(/lowercase letters, digits and dashes/);
  });
});

describe('scaffoldConnector', () => {
  it('creates the package: manifest, connector, fake, contract test, README, with every placeholder filled', async () => {
    const target = join(folder, 'acme');
    const result = await scaffoldConnector({
      network: 'acme-social',
      directory: target,
      packageName: '@acme/chorus-connector-acme-social',
    });
    expect(result.files).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src/acme-social.connector.ts',
      'src/api-client.ts',
      'src/config.ts',
      'src/index.ts',
      'src/manifest.ts',
      'src/testing/acme-social-fake.ts',
      'src/testing/contract-setup.ts',
      'src/testing/index.ts',
      'test/contract.spec.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    for (const file of result.files) {
      expect(await readFile(join(target, file), 'utf8')).not.toMatch(/__[A-Za-z]+__/);
    }
    const pkg = JSON.parse(await readFile(join(target, 'package.json'), 'utf8')) as {
      name: string;
      chorus: unknown;
      peerDependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('@acme/chorus-connector-acme-social');
    expect(pkg.chorus).toEqual({ role: 'connector', network: 'acme-social' });
    expect(pkg.peerDependencies['@chorus/connector-sdk']).toBe('^1.0.0');
    expect(await readFile(join(target, 'src/index.ts'), 'utf8')).toContain('export { acmeSocialConnector }');
  });

  it('refuses to write into a folder that is not empty', async () => {
    await writeFile(join(folder, 'keep.txt'), 'mine');
    await expect(scaffoldConnector({ network: 'acme', directory: folder })).rejects.toThrow(
      TargetNotEmptyError,
    );
  });
});

describe('create-chorus-connector', () => {
  it('prints the usage and fails without a network id', async () => {
    const errors: string[] = [];
    expect(
      await runCli(
        [],
        () => undefined,
        (line) => errors.push(line),
      ),
    ).toBe(2);
    expect(errors.join('\n')).toContain('Usage: create-chorus-connector <network-id>');
  });

  it('scaffolds into the given folder and says what to do next', async () => {
    const lines: string[] = [];
    const target = join(folder, 'out');
    expect(
      await runCli(
        ['acme', target],
        (line) => lines.push(line),
        () => undefined,
      ),
    ).toBe(0);
    expect(lines[0]).toBe(`Created chorus-connector-acme in ${target}:`);
    expect(lines.join('\n')).toContain('npm install && npm test');
  });

  it('reports a bad id as an error, not a crash', async () => {
    const errors: string[] = [];
    expect(
      await runCli(
        ['Bad Id'],
        () => undefined,
        (line) => errors.push(line),
      ),
    ).toBe(1);
    expect(errors[0]).toMatch(/is not a network id/);
  });
});
