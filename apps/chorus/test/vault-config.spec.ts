import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultKeyRing, createTokenVault } from '@chorus/gateway';
import { InvalidConfigError, loadConfig } from '@chorus/service-kit';
import { embeddedConfigSchema } from '../src/config/embedded-config.js';
import { gatewayConfigSchema } from '../src/config/service-config.js';
import { loadOrCreateVaultKeys } from '../src/embedded/vault-key-file.js';

// The token vault's master keys: CHORUS_VAULT_MASTER_KEYS checked at start, or in embedded mode a key made once
// and kept in the data directory next to the identity key.

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'chorus-vault-keys-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const gatewayEnv = {
  DATABASE_URL: 'postgres://chorus@db/chorus',
  CHORUS_IDENTITY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
  CHORUS_STRATEGY_URL: 'http://strategy:3000',
  CHORUS_CONTENT_URL: 'http://content:3000',
  CHORUS_COMMUNITY_URL: 'http://community:3000',
  CHORUS_ADS_URL: 'http://ads:3000',
  CHORUS_ANALYTICS_URL: 'http://analytics:3000',
};

function configProblem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return (error as Error).message;
  }
  throw new Error('expected an invalid configuration');
}

describe('CHORUS_VAULT_MASTER_KEYS', () => {
  it('refuses to start with a malformed key list, naming the variable and the problem but not the key', () => {
    const short = 'k1:c2hvcnQ=';
    const message = configProblem(() =>
      loadConfig(embeddedConfigSchema, {
        CHORUS_VAULT_MASTER_KEYS: `${VaultKeyRing.generateEntry('k0')},${short}`,
      }),
    );
    expect(message).toContain('CHORUS_VAULT_MASTER_KEYS');
    expect(message).toContain('5 bytes');
    const gateway = configProblem(() =>
      loadConfig(gatewayConfigSchema, { ...gatewayEnv, CHORUS_VAULT_MASTER_KEYS: 'no-colon' }),
    );
    expect(gateway).toContain('CHORUS_VAULT_MASTER_KEYS');
  });

  it('accepts a rotation list (the new key first) and a short internal token is refused', () => {
    const keys = `${VaultKeyRing.generateEntry('k2')},${VaultKeyRing.generateEntry('k1')}`;
    expect(
      loadConfig(embeddedConfigSchema, { CHORUS_VAULT_MASTER_KEYS: keys }).CHORUS_VAULT_MASTER_KEYS,
    ).toBe(keys);
    expect(
      configProblem(() => loadConfig(gatewayConfigSchema, { ...gatewayEnv, CHORUS_INTERNAL_TOKEN: 'short' })),
    ).toContain('CHORUS_INTERNAL_TOKEN');
  });
});

describe('the embedded vault key file', () => {
  it('is made once in the data directory (mode 0600) and read back at the next start', async () => {
    const first = await loadOrCreateVaultKeys(folder);
    const path = join(folder, 'vault-master-keys');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toBe(first);
    const again = await loadOrCreateVaultKeys(folder);
    expect(again).toBe(first);
    // A secret sealed before the restart opens after it.
    const binding = { tenantId: 't', subject: 'channel', subjectId: 'c' } as const;
    const sealed = createTokenVault(first).seal('secret', binding);
    expect(createTokenVault(again).open(sealed, binding)).toBe('secret');
  });

  it('gives way to CHORUS_VAULT_MASTER_KEYS, and makes a fresh key in memory mode', async () => {
    const configured = VaultKeyRing.generateEntry('ops');
    expect(await loadOrCreateVaultKeys(folder, configured)).toBe(configured);
    const memory = await loadOrCreateVaultKeys(null);
    expect(() => VaultKeyRing.parse(memory)).not.toThrow();
  });
});
